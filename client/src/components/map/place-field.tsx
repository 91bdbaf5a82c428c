import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { lazy, Suspense, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { AddressInput, type AddressList, type PlaceOption } from "./address-input.tsx";
import type { Point } from "./place-picker-map.tsx";

// maplibre is large: it loads in its own chunk.
const PlacePickerMap = lazy(() => import("./place-picker-map.tsx"));

export type DistrictGeometries = FeatureCollection<
  Polygon | MultiPolygon,
  { code: string | null; name: string; centroid: [number, number] | null }
>;

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
  addressList,
  onPlaceChange,
}: {
  geometries: DistrictGeometries;
  value: Point | null;
  onChange(point: Point): void;
  /** The address-list place chosen, or null once the map or a district chose instead. */
  onPlaceChange?(place: PlaceOption | null): void;
  others?: Point[];
  route?: Point[];
  addressList?: AddressList;
}) {
  const { t } = useI18n();
  const [chosenPlace, setChosenPlace] = useState<PlaceOption | null>(null);
  // Choosing on the map or by district empties the address field (a new instance of it).
  const [addressKey, setAddressKey] = useState(0);
  const choose = (point: Point) => {
    setChosenPlace(null);
    onPlaceChange?.(null);
    setAddressKey((key) => key + 1);
    onChange(point);
  };
  const choosePlace = (place: PlaceOption) => {
    setChosenPlace(place);
    onPlaceChange?.(place);
    onChange([place.lon, place.lat]);
  };
  const districts = geometries.features
    .filter((feature) => feature.properties.centroid)
    .map((feature) => ({ name: feature.properties.name, centroid: feature.properties.centroid as Point }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return (
    <fieldset className="place-field">
      <legend>{t("place.legend")}</legend>
      <p className="muted small form-hint">{t("place.hint")}</p>
      <Suspense fallback={<p className="muted">{t("panel.loading")}</p>}>
        <PlacePickerMap
          geometries={geometries}
          value={value}
          onChange={choose}
          label={t("place.map")}
          others={others}
          route={route}
        />
      </Suspense>
      {addressList && addressList.total > 0 ? (
        <AddressInput key={addressKey} list={addressList} chosen={chosenPlace} onChoose={choosePlace} />
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
