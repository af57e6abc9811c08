"""Pure domain: value types, progress maths and validation rules. Imports nothing of ours."""
