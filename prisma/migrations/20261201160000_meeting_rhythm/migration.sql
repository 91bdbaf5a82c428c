-- The EST's meeting rhythm (issue 15, docs/decisions/019): how often it meets (every week, every
-- other week, every fourth week: the overview's default period type) and on which weekday. The
-- anchor, a Monday, already says which weeks: periods are counted from it and a meeting falls in
-- the first week of a period, reviewing the one just ended.

ALTER TABLE "workspaces" ADD COLUMN "meeting_period" TEXT NOT NULL DEFAULT 'biweek'
    CONSTRAINT "workspaces_meeting_period_check" CHECK ("meeting_period" IN ('week', 'biweek', 'fourweek'));
ALTER TABLE "workspaces" ADD COLUMN "meeting_weekday" SMALLINT NOT NULL DEFAULT 1
    CONSTRAINT "workspaces_meeting_weekday_check" CHECK ("meeting_weekday" BETWEEN 1 AND 7);
