-- Each revision's grade as the checklist's score panel showed it when it was saved, for the lists of assessments:
-- the grade of each part as the standard names it and in English, the total (of the points declared) and the
-- percent, parts joined by ' + '. Null for a revision that did not grade (a blank template, a draft half filled) and
-- for the revisions saved before this column was added.

ALTER TABLE service_assessment_revision ADD COLUMN grade VARCHAR(1000);
ALTER TABLE service_assessment_revision ADD COLUMN grade_en VARCHAR(1000);
ALTER TABLE service_assessment_revision ADD COLUMN grade_total VARCHAR(200);
ALTER TABLE service_assessment_revision ADD COLUMN grade_percent VARCHAR(200);
