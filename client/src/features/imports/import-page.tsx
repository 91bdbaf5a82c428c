import { useMutation } from "@tanstack/react-query";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { PlacesPanel } from "../places/places-panel.tsx";
import { SurveyImportForm } from "../surveys/survey-import-form.tsx";
import { FileImportForm } from "./file-import-form.tsx";
import { AreaImportForm, PopulationImportForm } from "./geography-import-forms.tsx";
import { ImportHistory } from "./import-history.tsx";
import { PartnerImportForm } from "./partner-import-form.tsx";

/** Imports for analysts: police deliveries and events, partners' reports, geography, code key, history. */
export function ImportPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const delivery = useMutation(trpc.imports.policeDelivery.mutationOptions());
  const events = useMutation(trpc.imports.policeEvents.mutationOptions());
  const crimeCodes = useMutation(trpc.imports.crimeCodes.mutationOptions());
  return (
    <>
      <h1>{t("import.title")}</h1>
      <div className="import-grid">
        <section className="panel">
          <FileImportForm
            title={t("import.deliveryTitle")}
            hint={t("import.deliveryHint")}
            accept=".csv"
            mutation={delivery}
          />
        </section>
        <section className="panel">
          <FileImportForm
            title={t("import.eventsTitle")}
            hint={t("import.eventsHint")}
            accept=".json"
            mutation={events}
          />
        </section>
      </div>
      <div className="import-grid">
        <section className="panel">
          <PartnerImportForm />
        </section>
        <section className="panel">
          <SurveyImportForm />
        </section>
      </div>
      <h2>{t("import.geographyTitle")}</h2>
      <div className="import-grid">
        <section className="panel">
          <AreaImportForm />
        </section>
        <section className="panel">
          <PopulationImportForm />
        </section>
        <section className="panel">
          <FileImportForm
            title={t("import.crimeCodesTitle")}
            hint={t("import.crimeCodesHint")}
            accept=".csv"
            mutation={crimeCodes}
          />
        </section>
        <section className="panel">
          <PlacesPanel />
        </section>
      </div>
      <ImportHistory />
    </>
  );
}
