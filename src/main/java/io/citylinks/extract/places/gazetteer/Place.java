package io.citylinks.extract.places.gazetteer;

/**
 * One place the gazetteer knows: a GeoNames city ({@code id} is the geonameid), a district
 * municipality from another source ({@code id} carries that source's prefix, e.g. {@code
 * tr-district:06-kecioren}), or a country ({@code country:CN}).
 *
 * @param name the GeoNames {@code name} (e.g. "İzmir", "Xi’an", "The Hague"), or the source's name
 * @param asciiName the GeoNames {@code asciiname}, or an ASCII folding of the name
 * @param countryCode ISO 3166-1 alpha-2, upper case
 * @param featureCode GeoNames feature code (PPLC, PPLA, PPL...), {@code ADM} for districts,
 *     {@code PCLI} for countries
 * @param population 0 when unknown
 * @param admin1 GeoNames admin1 code (for Turkish districts: the province's plate code); "" if none
 * @param lat latitude, {@code NaN} when the source has none
 * @param lon longitude, {@code NaN} when the source has none
 */
public record Place(
    String id,
    String name,
    String asciiName,
    String countryCode,
    String featureCode,
    long population,
    String admin1,
    Kind kind,
    double lat,
    double lon) {

  /** What sort of place an entry is. */
  public enum Kind {
    CITY,
    DISTRICT,
    COUNTRY
  }

  public static final String COUNTRY_ID_PREFIX = "country:";

  public Place {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("place id must not be empty (name " + name + ")");
    }
    if (countryCode == null || countryCode.length() != 2 || !isUpper(countryCode.charAt(0))
        || !isUpper(countryCode.charAt(1))) {
      throw new IllegalArgumentException(
          "place " + id + ": country code must be two upper-case letters, got " + countryCode);
    }
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** The id of the {@link Kind#COUNTRY} entry of an ISO alpha-2 code, e.g. {@code country:CN}. */
  public static String countryId(String iso2) {
    return COUNTRY_ID_PREFIX + iso2;
  }

  /** Great-circle distance in km to {@code other}; {@code NaN} when either has no coordinates. */
  public double kmTo(Place other) {
    return GazetteerBuilder.distanceKm(lat, lon, other.lat, other.lon);
  }

  /** True for GeoNames cities, whose id is the numeric geonameid. */
  public boolean isGeoNames() {
    return kind == Kind.CITY;
  }
}
