"""Table models: fed with plain rows by their panes, they only format."""
