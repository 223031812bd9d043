package io.citylinks.extract.places;

import java.io.Serializable;

/**
 * One accepted place mention in a sentence.
 *
 * @param sentenceIdx the sentence's number in the article (0-based)
 * @param start offset of the mention's first character in the sentence
 * @param end offset after its last character (exclusive)
 * @param surface the mention as written (without a Turkish apostrophe suffix or Arabic clitic)
 * @param placeId GeoNames id, district id ({@code tr-district:…}, {@code csc:…}) or
 *     {@code country:XX}
 * @param name the GeoNames name of the place (the English name of a country)
 * @param country ISO 3166-1 alpha-2
 * @param kind city, district or country
 * @param confidence how sure the resolution is, 0–1
 * @param rule which rule decided it (see {@link PlaceResolver})
 */
public record PlaceMention(int sentenceIdx, int start, int end, String surface, String placeId,
    String name, String country, String kind, double confidence, String rule)
    implements Serializable {}
