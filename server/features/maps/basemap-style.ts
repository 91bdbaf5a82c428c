import { layers, namedFlavor } from "@protomaps/basemaps";

export const BASEMAP_STYLE_PATH = "/basemap/style.json";
export const BASEMAP_ARCHIVE_PATH = "/basemap/basemap.pmtiles";
export const BASEMAP_ATTRIBUTION =
  '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap</a> · <a href="https://protomaps.com">Protomaps</a>';

type Layer = ReturnType<typeof layers>[number];

/** Without an archive the map shows the areas on a plain background: nothing leaves the server. */
const OFFLINE_STYLE = {
  version: 8,
  sources: {},
  layers: [{ id: "background", type: "background", paint: { "background-color": "#eef2f5" } }],
};

/**
 * Icons come from a sprite sheet on Protomaps' server: layers that are only icons go, and the
 * others keep their text. Text needs no glyphs URL: maplibre draws it with the browser's fonts.
 */
function withoutIcons(all: Layer[]): Layer[] {
  return all.flatMap((layer): Layer[] => {
    if (layer.type !== "symbol" || !layer.layout || !("icon-image" in layer.layout)) return [layer];
    if (!("text-field" in layer.layout) || layer.id === "roads_shields") return [];
    const { "icon-image": _image, "icon-size": _size, ...layout } = layer.layout;
    return [{ ...layer, layout }];
  });
}

/** The style every map of the app starts from: the Protomaps basemap in Swedish over the app's own archive. */
export function basemapStyle(hasArchive: boolean) {
  if (!hasArchive) return OFFLINE_STYLE;
  return {
    version: 8,
    sources: {
      protomaps: {
        type: "vector",
        url: `pmtiles://${BASEMAP_ARCHIVE_PATH}`,
        attribution: BASEMAP_ATTRIBUTION,
      },
    },
    layers: withoutIcons(layers("protomaps", namedFlavor("light"), { lang: "sv" })),
  };
}
