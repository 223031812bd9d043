package io.citylinks.text;

/** The writing systems that decide a language before any statistics are needed. */
public enum Script {
  LATIN, ARABIC, HAN, KANA, HANGUL, CYRILLIC, GREEK, HEBREW, OTHER, NONE
}
