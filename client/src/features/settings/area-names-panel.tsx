import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

type Area = { id: string; kind: string; code: string | null; name: string };

/** Admins name the areas every list and map shows; an area still called by its code comes first. */
export default function AreaNamesPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const areas = useQuery(trpc.areas.list.queryOptions());
  const rows = [...(areas.data ?? [])]
    .filter((area) => area.kind !== "kommun")
    .sort((a, b) => Number(b.name === b.code) - Number(a.name === a.code));
  return (
    <Panel
      title={t("areaNames.title")}
      titleId="area-names-title"
      isLoading={areas.isPending}
      error={areas.error}
      isEmpty={rows.length === 0}
    >
      <p className="muted small">{t("areaNames.intro")}</p>
      <table className="data-table" data-testid="area-names">
        <caption className="visually-hidden">{t("areaNames.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("areaNames.code")}</th>
            <th scope="col">{t("areaNames.name")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((area) => (
            <AreaNameRow key={area.id} area={area} />
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function AreaNameRow({ area }: { area: Area }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [name, setName] = useState(area.name === area.code ? "" : area.name);
  const rename = useMutation(
    // Names show in every list and map: invalidation.ts refreshes them all.
    trpc.areas.rename.mutationOptions(),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ areaId: area.id, name });
  };
  const label = t("areaNames.nameOf", { code: area.code ?? area.name });
  return (
    <tr data-code={area.code ?? ""}>
      <td>
        <code>{area.code}</code>
      </td>
      <td>
        <form className="form-row" onSubmit={submit}>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-label={label}
            placeholder={t("areaNames.placeholder")}
            required
            maxLength={120}
          />
          <button type="submit" disabled={rename.isPending || name.trim() === "" || name === area.name}>
            {t("areaNames.save")}
          </button>
          {rename.isSuccess && name === area.name ? (
            <span role="status" className="success small">
              {t("areaNames.saved")}
            </span>
          ) : null}
          {rename.error ? <ErrorMessage error={rename.error} /> : null}
        </form>
      </td>
    </tr>
  );
}
