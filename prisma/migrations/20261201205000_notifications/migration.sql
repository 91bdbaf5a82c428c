-- Notifications (issue 15, docs/decisions/025): derived from the data when read (reports waiting
-- for review, findings past their due date, new rising flags), so nothing runs in the background
-- to create them. Per member: "read up to" (everything at or before it is read), single items read
-- after it, the areas the member follows and the e-mail digest's own mark.

CREATE TABLE "notification_settings" (
    "workspace_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    -- Every notification dated at or before this is read ("Markera alla som lästa").
    "seen_up_to" TIMESTAMPTZ(3),
    -- The e-mail digest has told the member about everything dated at or before this.
    "emailed_up_to" TIMESTAMPTZ(3),
    -- "Mina områden": the areas (a JSON array of ids) whose new rising flags the member is told
    -- about; empty is every area. JSON rather than uuid[]: the PGlite adapter cannot read arrays.
    "area_ids" JSONB NOT NULL DEFAULT '[]',
    "email_enabled" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_settings_pkey" PRIMARY KEY ("workspace_id", "user_id"),
    CONSTRAINT "notification_settings_membership_fkey" FOREIGN KEY ("workspace_id", "user_id") REFERENCES "memberships"("workspace_id", "user_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Notifications marked read one by one, after seen_up_to; marking all read clears them.
CREATE TABLE "notification_reads" (
    "workspace_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    -- The notification's key: kind and the ids it is about (review|<report>, overdue|<finding>, rising|<category>|<area>|<period start>).
    "key" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_reads_pkey" PRIMARY KEY ("workspace_id", "user_id", "key"),
    CONSTRAINT "notification_reads_membership_fkey" FOREIGN KEY ("workspace_id", "user_id") REFERENCES "memberships"("workspace_id", "user_id") ON DELETE CASCADE ON UPDATE CASCADE
);
