-- Places (issue 4): a workspace's list of addresses and named places (a housing company's
-- entrances, bus stops, schoolyards) that partners' staff pick from instead of tapping the map.
-- Each place lies in one of the workspace's districts; names are unique within a workspace in any
-- case ("Storgatan 1" is "storgatan 1", as the place field matches them), so an import of the list
-- updates by name and repeating it changes nothing.

CREATE TABLE "places" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "area_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "places_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "places_name_check" CHECK (length("name") BETWEEN 1 AND 200),
    CONSTRAINT "places_point_check" CHECK ("lon" BETWEEN -180 AND 180 AND "lat" BETWEEN -90 AND 90),
    CONSTRAINT "places_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "places_area_fkey" FOREIGN KEY ("workspace_id", "area_id") REFERENCES "areas"("workspace_id", "id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "places_workspace_id_name_key" ON "places"("workspace_id", lower("name"));
