import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { gridLabel, PLACE_GRIDS, type PlaceGrid } from "../../../../shared/places.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { FileImportForm } from "../imports/file-import-form.tsx";

/** Every member's address list, for the place field of reports and findings. */
export function usePlaces() {
  const trpc = useTRPC();
  return useQuery(trpc.places.list.queryOptions()).data ?? [];
}

/** Analysts keep the address list partners report from: import it, see it, remove a place. */
export function PlacesPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.places.list.queryKey() });
  const places = usePlaces();
  const [grid, setGrid] = useState<PlaceGrid | "">("");
  const importMutation = useMutation(trpc.places.import.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.places.remove.mutationOptions({ onSettled: refresh }));
  return (
    <>
      <FileImportForm
        title={t("places.title")}
        hint={t("places.hint")}
        accept=".csv,.xlsx"
        mutation={importMutation}
        toInput={(file) => (grid ? { ...file, grid } : file)}
        describe={(result) => t("places.done", result)}
      >
        <label>
          <span className="field-label">{t("places.grid")}</span>
          <select value={grid} onChange={(event) => setGrid(event.target.value as PlaceGrid | "")}>
            <option value="">{t("places.gridAuto")}</option>
            {PLACE_GRIDS.map((option) => (
              <option key={option} value={option}>
                {gridLabel(option)}
              </option>
            ))}
          </select>
        </label>
      </FileImportForm>
      <details className="places-list">
        <summary>{t("places.listTitle", { count: places.length })}</summary>
        {places.length === 0 ? (
          <p className="muted">{t("places.empty")}</p>
        ) : (
          <table className="data-table" data-testid="places-table">
            <thead>
              <tr>
                <th scope="col">{t("places.name")}</th>
                <th scope="col">{t("places.area")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("places.removeColumn")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {places.map((place) => (
                <tr key={place.id}>
                  <td>{place.name}</td>
                  <td>{place.areaName}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ id: place.id })}
                      aria-label={t("places.remove", { name: place.name })}
                    >
                      {t("places.removeColumn")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </>
  );
}
