"""Partner mode: a friend runs the mock from an interviewer's sheet and scores a rubric."""
