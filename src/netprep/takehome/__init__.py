"""Take-home assessments: briefs, a workspace per attempt, time across sittings,
hidden acceptance checks, rubric checks and the review. Pure logic: nothing here
prints, prompts or exits."""
