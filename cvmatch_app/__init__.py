"""CVMatch: rank CVs against a job description and explain every score."""
