import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { lazy, Suspense, useId, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import type { Point } from "./place-picker-map.tsx";

// maplibre is large: it loads in its own chunk.
const PlacePickerMap = lazy(() => import("./place-picker-map.tsx"));

export type DistrictGeometries = FeatureCollection<
  Polygon | MultiPolygon,
  { code: string | null; name: string; centroid: [number, number] | null }
>;

/** A named place from the workspace's address list. */
export type PlaceOption = { id: string; name: string; lon: number; lat: number; areaName: string };

/**
 * A place: tapped on the map, typed from the workspace's address list (a bovärd's entrances and
 * yards), or (without a pointer) a district chosen from the list.
 */
export function PlaceField({
  geometries,
  value,
  onChange,
  others,
  route,
  places = [],
}: {
  geometries: DistrictGeometries;
  value: Point | null;
  onChange(point: Point): void;
  others?: Point[];
  route?: Point[];
  places?: PlaceOption[];
}) {
  const { t } = useI18n();
  const id = useId();
  const [address, setAddress] = useState("");
  const [chosenPlace, setChosenPlace] = useState<PlaceOption | null>(null);
  const choose = (point: Point, place: PlaceOption | null = null) => {
    setChosenPlace(place);
    if (!place) setAddress("");
    onChange(point);
  };
  const typeAddress = (text: string) => {
    setAddress(text);
    const key = text.trim().toLowerCase();
    const place = places.find((option) => option.name.toLowerCase() === key);
    if (place) choose([place.lon, place.lat], place);
  };
  const unknownAddress =
    address.trim() !== "" &&
    chosenPlace?.name !== address.trim() &&
    !places.some((option) => option.name.toLowerCase() === address.trim().toLowerCase());
  const districts = geometries.features
    .filter((feature) => feature.properties.centroid)
    .map((feature) => ({ name: feature.properties.name, centroid: feature.properties.centroid as Point }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return (
    <fieldset className="place-field">
      <legend>{t("place.legend")}</legend>
      <p className="muted small">{t("place.hint")}</p>
      <Suspense fallback={<p className="muted">{t("panel.loading")}</p>}>
        <PlacePickerMap
          geometries={geometries}
          value={value}
          onChange={(point) => choose(point)}
          label={t("place.map")}
          others={others}
          route={route}
        />
      </Suspense>
      {places.length > 0 ? (
        <label>
          <span className="field-label">{t("place.orAddress")}</span>
          <input
            value={address}
            onChange={(event) => typeAddress(event.target.value)}
            list={`${id}-places`}
            autoComplete="off"
            aria-describedby={unknownAddress ? `${id}-unknown` : undefined}
          />
          <datalist id={`${id}-places`}>
            {places.map((place) => (
              <option key={place.id} value={place.name}>
                {place.areaName}
              </option>
            ))}
          </datalist>
          {unknownAddress ? (
            <span id={`${id}-unknown`} className="small error">
              {t("place.unknownAddress")}
            </span>
          ) : null}
        </label>
      ) : null}
      <label>
        <span className="field-label">{t("place.orDistrict")}</span>
        <select
          value=""
          onChange={(event) => {
            const district = districts.find((d) => d.name === event.target.value);
            if (district) choose(district.centroid);
          }}
        >
          <option value="">{t("report.choose")}</option>
          {districts.map((district) => (
            <option key={district.name} value={district.name}>
              {district.name}
            </option>
          ))}
        </select>
      </label>
      <p className="small" aria-live="polite" data-testid="place-status">
        {chosenPlace && value
          ? t("place.chosenAddress", { name: chosenPlace.name })
          : value
            ? t("place.chosen")
            : t("place.none")}
      </p>
    </fieldset>
  );
}
