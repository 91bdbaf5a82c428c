const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance between two [lon, lat] points (haversine), in kilometres. */
export function distanceKm(
  [lon1, lat1]: readonly [number, number],
  [lon2, lat2]: readonly [number, number],
): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}

/** The length of a route along its points, in kilometres. */
export function routeLengthKm(points: readonly (readonly [number, number])[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++)
    total += distanceKm(points[i - 1] as [number, number], points[i] as [number, number]);
  return total;
}
