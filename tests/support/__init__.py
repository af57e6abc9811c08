"""What the tests and the benchmarks (bench/) share: harnesses, fixtures' machinery and
case generators. Plain modules, no tests."""
