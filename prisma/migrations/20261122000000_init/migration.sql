
-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('kommun', 'polis', 'bostadsbolag', 'raddningstjanst', 'other');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'analyst', 'member', 'viewer');

-- CreateEnum
CREATE TYPE "AreaKind" AS ENUM ('kommun', 'regso', 'deso', 'district', 'subarea');

-- CreateEnum
CREATE TYPE "CategoryKind" AS ENUM ('group', 'crime_code', 'partner_event');

-- CreateEnum
CREATE TYPE "DataSourceKind" AS ENUM ('police_delivery', 'police_events_api', 'partner_reports', 'manual', 'synthetic');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('running', 'completed', 'failed', 'undone');

-- CreateEnum
CREATE TYPE "PointPrecision" AS ENUM ('exact', 'area_centroid', 'kommun_centroid');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'sv',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "token_hash" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspaces" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "meeting_anchor_date" DATE NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Stockholm',
    "basemap_style_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspace_organizations" (
    "workspace_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,

    CONSTRAINT "workspace_organizations_pkey" PRIMARY KEY ("workspace_id","organization_id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "workspace_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "organization_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("workspace_id","user_id")
);

-- CreateTable
CREATE TABLE "areas" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "parent_id" UUID,
    "kind" "AreaKind" NOT NULL,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "geometry" JSONB,
    "centroid_lon" DOUBLE PRECISION,
    "centroid_lat" DOUBLE PRECISION,
    "is_approximate" BOOLEAN NOT NULL DEFAULT false,
    "valid_from" DATE,
    "valid_to" DATE,

    CONSTRAINT "areas_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "area_populations" (
    "workspace_id" UUID NOT NULL,
    "area_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "population" INTEGER NOT NULL,

    CONSTRAINT "area_populations_pkey" PRIMARY KEY ("workspace_id","area_id","year")
);

-- CreateTable
CREATE TABLE "categories" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "parent_id" UUID,
    "kind" "CategoryKind" NOT NULL,
    "code" TEXT NOT NULL,
    "name_sv" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "categories_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "data_sources" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "DataSourceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "organization_id" UUID,
    "column_mapping" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_sources_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "import_batches" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "data_source_id" UUID NOT NULL,
    "user_id" UUID,
    "file_name" TEXT,
    "file_hash" TEXT,
    "status" "ImportStatus" NOT NULL DEFAULT 'running',
    "row_count" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "undone_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_batches_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "workspace_id" UUID NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "data_source_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "import_batch_id" UUID,
    "category_id" UUID NOT NULL,
    "area_id" UUID,
    "occurred_from" TIMESTAMPTZ(3),
    "occurred_to" TIMESTAMPTZ(3),
    "registered_at" TIMESTAMPTZ(3) NOT NULL,
    "registered_on" DATE NOT NULL,
    "occurred_on" DATE,
    "count" INTEGER NOT NULL DEFAULT 1,
    "lon" DOUBLE PRECISION,
    "lat" DOUBLE PRECISION,
    "point_precision" "PointPrecision",
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "workspaces_slug_key" ON "workspaces"("slug");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

-- CreateIndex
CREATE INDEX "areas_workspace_id_parent_id_idx" ON "areas"("workspace_id", "parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "areas_workspace_id_kind_code_valid_from_key" ON "areas"("workspace_id", "kind", "code", "valid_from");

-- CreateIndex
CREATE INDEX "categories_workspace_id_parent_id_idx" ON "categories"("workspace_id", "parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "categories_workspace_id_code_key" ON "categories"("workspace_id", "code");

-- CreateIndex
CREATE INDEX "incidents_workspace_id_registered_on_idx" ON "incidents"("workspace_id", "registered_on");

-- CreateIndex
CREATE INDEX "incidents_workspace_id_occurred_on_idx" ON "incidents"("workspace_id", "occurred_on");

-- CreateIndex
CREATE INDEX "incidents_workspace_id_area_id_registered_on_idx" ON "incidents"("workspace_id", "area_id", "registered_on");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_workspace_id_data_source_id_external_id_key" ON "incidents"("workspace_id", "data_source_id", "external_id");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_organizations" ADD CONSTRAINT "workspace_organizations_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_organizations" ADD CONSTRAINT "workspace_organizations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "areas" ADD CONSTRAINT "areas_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "areas" ADD CONSTRAINT "areas_workspace_id_parent_id_fkey" FOREIGN KEY ("workspace_id", "parent_id") REFERENCES "areas"("workspace_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "area_populations" ADD CONSTRAINT "area_populations_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "area_populations" ADD CONSTRAINT "area_populations_workspace_id_area_id_fkey" FOREIGN KEY ("workspace_id", "area_id") REFERENCES "areas"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "categories" ADD CONSTRAINT "categories_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "categories" ADD CONSTRAINT "categories_workspace_id_parent_id_fkey" FOREIGN KEY ("workspace_id", "parent_id") REFERENCES "categories"("workspace_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_workspace_id_data_source_id_fkey" FOREIGN KEY ("workspace_id", "data_source_id") REFERENCES "data_sources"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_workspace_id_data_source_id_fkey" FOREIGN KEY ("workspace_id", "data_source_id") REFERENCES "data_sources"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_workspace_id_import_batch_id_fkey" FOREIGN KEY ("workspace_id", "import_batch_id") REFERENCES "import_batches"("workspace_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_workspace_id_category_id_fkey" FOREIGN KEY ("workspace_id", "category_id") REFERENCES "categories"("workspace_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_workspace_id_area_id_fkey" FOREIGN KEY ("workspace_id", "area_id") REFERENCES "areas"("workspace_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

