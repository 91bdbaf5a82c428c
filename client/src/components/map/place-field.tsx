import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { lazy, Suspense } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import type { Point } from "./place-picker-map.tsx";

// maplibre is large: it loads in its own chunk.
const PlacePickerMap = lazy(() => import("./place-picker-map.tsx"));

export type DistrictGeometries = FeatureCollection<
  Polygon | MultiPolygon,
  { code: string | null; name: string; centroid: [number, number] | null }
>;

/** A place: tapped on the map, or (without a pointer) a district chosen from the list. */
export function PlaceField({
  geometries,
  value,
  onChange,
  others,
  route,
}: {
  geometries: DistrictGeometries;
  value: Point | null;
  onChange(point: Point): void;
  others?: Point[];
  route?: Point[];
}) {
  const { t } = useI18n();
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
          onChange={onChange}
          label={t("place.map")}
          others={others}
          route={route}
        />
      </Suspense>
      <label>
        <span className="field-label">{t("place.orDistrict")}</span>
        <select
          value=""
          onChange={(event) => {
            const district = districts.find((d) => d.name === event.target.value);
            if (district) onChange(district.centroid);
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
        {value ? t("place.chosen") : t("place.none")}
      </p>
    </fieldset>
  );
}
