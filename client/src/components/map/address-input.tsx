import { useEffect, useId, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";

/** A named place from the workspace's address list. */
export type PlaceOption = { id: string; name: string; lon: number; lat: number; areaName: string };

/** The address list as the place field sees it: the suggestions for the text typed so far. */
export type AddressList = {
  /** Places matching the latest text sent to `onQuery` (the exact name first). */
  places: PlaceOption[];
  /** How many places the workspace has; without any, the field is not shown. */
  total: number;
  /** Whether suggestions for the latest text are still on their way. */
  isFetching: boolean;
  onQuery(text: string): void;
};

/**
 * Type an address or place from the list: suggestions come as a datalist (a native picker on
 * phones, a combobox to screen readers); only an exact name chooses a place, never a guess.
 * The place field remounts it (a new key) when the map or a district chooses instead.
 */
export function AddressInput({
  list,
  chosen,
  onChoose,
}: {
  list: AddressList;
  chosen: PlaceOption | null;
  onChoose(place: PlaceOption): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState("");
  const key = text.trim().toLowerCase();
  const match = key ? list.places.find((place) => place.name.toLowerCase() === key) : undefined;
  // The suggestions arrive after the text: choose the place once its exact name is among them.
  useEffect(() => {
    if (match && match.id !== chosen?.id) onChoose(match);
  }, [match, chosen?.id, onChoose]);
  const unknown = key !== "" && !match && !list.isFetching && list.places.length === 0;
  return (
    <label>
      <span className="field-label">{t("place.orAddress")}</span>
      <input
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          list.onQuery(event.target.value);
        }}
        list={`${id}-places`}
        autoComplete="off"
        aria-describedby={unknown ? `${id}-unknown` : undefined}
      />
      <datalist id={`${id}-places`}>
        {list.places.map((place) => (
          <option key={place.id} value={place.name}>
            {place.areaName}
          </option>
        ))}
      </datalist>
      {unknown ? (
        <span id={`${id}-unknown`} className="small error">
          {t("place.unknownAddress")}
        </span>
      ) : null}
    </label>
  );
}
