import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { gridLabel, PLACE_GRIDS, type PlaceGrid } from "../../../../shared/places.ts";
import type { AddressList } from "../../components/map/address-input.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { FileImportForm } from "../imports/file-import-form.tsx";

/** The text after the user has paused typing for a moment, so each keystroke is not a request. */
function useDebounced(value: string, delayMs = 200) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

function usePlaceSearch(query: string, limit: number) {
  const trpc = useTRPC();
  const settled = useDebounced(query);
  const result = useQuery({
    ...trpc.places.search.queryOptions({ query: settled, limit }),
    placeholderData: keepPreviousData,
  });
  return {
    places: result.data?.places ?? [],
    total: result.data?.total ?? 0,
    isFetching: result.isFetching || settled !== query,
  };
}

/** The address list for a place field: suggestions follow what the user types. */
export function useAddressList(): AddressList {
  const [query, setQuery] = useState("");
  return { ...usePlaceSearch(query, 20), onQuery: setQuery };
}

/** Analysts keep the address list partners report from: import it, search it, remove a place. */
export function PlacesPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const id = useId();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.places.search.pathKey() });
  const [query, setQuery] = useState("");
  const { places, total } = usePlaceSearch(query, 50);
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
        <summary>{t("places.listTitle", { count: total })}</summary>
        {total === 0 ? (
          <p className="muted">{t("places.empty")}</p>
        ) : (
          <>
            <label>
              <span className="field-label">{t("places.search")}</span>
              <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
            </label>
            <p className="muted small" id={`${id}-shown`} aria-live="polite">
              {t("places.shown", { shown: places.length })}
            </p>
            <table className="data-table" data-testid="places-table" aria-describedby={`${id}-shown`}>
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
          </>
        )}
      </details>
    </>
  );
}
