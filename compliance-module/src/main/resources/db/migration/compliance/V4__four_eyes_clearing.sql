-- Four-eyes clearing: a case raised by a sanctions hit is cleared only when a second officer
-- agrees with the first.
ALTER TABLE compliance_case ADD COLUMN needs_two_officers BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE compliance_case ADD COLUMN first_cleared_by VARCHAR(254);
