package io.citylinks.extract.places.gazetteer;

import java.util.Arrays;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * Immutable map from normalised surface keys to postings (ints), packed for a small heap: all
 * keys in one {@code char[]}, postings in one {@code int[]}, and an open-addressing table of key
 * numbers. About 30 bytes per key instead of ~100 for a {@code HashMap<String, int[]>}.
 */
final class KeyIndex {
  private final char[] chars;
  private final int[] keyStart; // key k is chars[keyStart[k], keyStart[k+1])
  private final int[] postStart; // postings of key k are postings[postStart[k], postStart[k+1])
  private final int[] postings;
  private final int[] table; // key number + 1, 0 = empty
  private final int mask;

  KeyIndex(Map<String, int[]> map) {
    String[] keys = map.keySet().toArray(new String[0]);
    Arrays.sort(keys);
    int n = keys.length;
    long totalChars = 0;
    long totalPostings = 0;
    for (String k : keys) {
      totalChars += k.length();
      totalPostings += map.get(k).length;
    }
    if (totalChars > Integer.MAX_VALUE || totalPostings > Integer.MAX_VALUE) {
      throw new IllegalStateException("gazetteer too large to index: " + n + " keys");
    }
    chars = new char[(int) totalChars];
    keyStart = new int[n + 1];
    postStart = new int[n + 1];
    postings = new int[(int) totalPostings];
    int c = 0;
    int p = 0;
    int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
    table = new int[capacity];
    mask = capacity - 1;
    for (int k = 0; k < n; k++) {
      String key = keys[k];
      keyStart[k] = c;
      key.getChars(0, key.length(), chars, c);
      c += key.length();
      postStart[k] = p;
      int[] post = map.get(key);
      System.arraycopy(post, 0, postings, p, post.length);
      p += post.length;
      int slot = hash(key) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = k + 1;
    }
    keyStart[n] = c;
    postStart[n] = p;
  }

  int size() {
    return keyStart.length - 1;
  }

  /** Postings of {@code key}, or an empty array. */
  int[] get(CharSequence key) {
    int k = find(key);
    return k < 0 ? new int[0] : Arrays.copyOfRange(postings, postStart[k], postStart[k + 1]);
  }

  private int find(CharSequence key) {
    int slot = hash(key) & mask;
    for (int e = table[slot]; e != 0; slot = (slot + 1) & mask, e = table[slot]) {
      int k = e - 1;
      int from = keyStart[k];
      int len = keyStart[k + 1] - from;
      if (len == key.length() && regionEquals(from, key, len)) {
        return k;
      }
    }
    return -1;
  }

  private boolean regionEquals(int from, CharSequence key, int len) {
    for (int i = 0; i < len; i++) {
      if (chars[from + i] != key.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Calls {@code sink} with every key (sorted) and its number of postings. */
  void forEachKey(ObjIntConsumer<String> sink) {
    for (int k = 0; k < size(); k++) {
      sink.accept(new String(chars, keyStart[k], keyStart[k + 1] - keyStart[k]),
          postStart[k + 1] - postStart[k]);
    }
  }

  private static int hash(CharSequence s) {
    int h = 0;
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + s.charAt(i);
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
