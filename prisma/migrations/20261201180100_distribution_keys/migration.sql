-- Every tenant table leads its primary key with workspace_id (docs/decisions/002, 022;
-- tests/integration/distribution-keys.test.ts). The survey undo archive had none: a batch archives
-- each (source, indicator, area, year) at most once, as replaced_incidents does per external id.
-- The key's prefix serves the undo's lookup by batch, so the separate index goes.
ALTER TABLE "replaced_survey_results" ADD CONSTRAINT "replaced_survey_results_pkey"
  PRIMARY KEY ("workspace_id", "replaced_by_batch_id", "data_source_id", "indicator", "area_id", "year");
DROP INDEX "replaced_survey_results_batch_idx";
