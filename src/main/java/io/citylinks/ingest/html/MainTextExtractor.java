package io.citylinks.ingest.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Takes the main text out of an HTML page, one block per line, with one jsoup parse. Rules, in
 * order: scripts, forms' controls and figure captions go ({@link #NON_TEXT}), then what a browser
 * would not show ({@link HiddenElements}); the story's marked block ({@link MainBlock}:
 * articleBody markup, the page's dominant {@code <article>}, a class naming the story body) is
 * taken as it is, and only pages that mark nothing go through Readability4J (a port of Mozilla's
 * Readability, the costly step); inside the block, furniture named by class, id or itemprop
 * ({@link BoilerplateNames}), blocks that are mostly links ({@link LinkDenseBlocks}) and what
 * stands before the first and after the last paragraph ({@link ArticleEdges}: kicker, headline,
 * byline, dateline, tags) are left out. When Readability finds too little (short pages, odd
 * layouts) the page body without menus, side columns and forms is taken instead.
 */
public final class MainTextExtractor {
  /** Below this many characters Readability's pick is not trusted over the plain text. */
  private static final int MIN_READABLE_CHARS = 200;
  /** Never text, wherever they are; figure captions are not the story's text either. */
  private static final String NON_TEXT = "script, style, noscript, template, svg, iframe, object, "
      + "embed, canvas, button, select, textarea, input, figcaption";
  /** Left out of the plain-body fallback: menus, side columns, forms and the page's header. */
  private static final Set<String> FALLBACK_SKIP = Set.of("nav", "aside", "form", "header",
      "footer");
  private static final String[] DATE_META_SELECTORS = {
      "meta[property=article:published_time]", "meta[name=article:published_time]",
      "meta[itemprop=datePublished]", "meta[name=pubdate]", "meta[name=publishdate]",
      "meta[name=date]", "meta[name=DC.date.issued]", "meta[name=dc.date]",
      "meta[property=og:published_time]", "meta[name=sailthru.date]", "time[pubdate][datetime]"};
  private static final Evaluator[] DATE_META = java.util.Arrays.stream(DATE_META_SELECTORS)
      .map(QueryParser::parse).toArray(Evaluator[]::new);

  private MainTextExtractor() {}

  public static ExtractedPage extract(String html, String url) {
    Document doc = Jsoup.parse(html, url == null ? "" : url);
    String title = doc.title().isBlank() ? null : doc.title().strip();
    String published = metaPublished(doc);
    String canonical = canonicalUrl(doc);
    Element htmlElement = doc.selectFirst("html");
    String lang = htmlElement == null ? null : htmlElement.attr("lang");
    String readabilityUrl = url == null || url.isBlank() ? "http://localhost/" : url;

    Element body = doc.body();
    body.select(NON_TEXT).remove();
    HiddenElements.remove(body);
    Element marked = MainBlock.find(body);
    Element root;
    if (marked != null) {
      root = marked;
    } else {
      List<TextBlocks.Block> plain = TextBlocks.of(body, FALLBACK_SKIP);
      Article article = readable(readabilityUrl, doc);
      Element content = article == null ? null : article.getArticleContent();
      if (title == null && article != null && article.getTitle() != null
          && !article.getTitle().isBlank()) {
        title = article.getTitle().strip();
      }
      int readableChars = content == null ? 0 : TextBlocks.textLength(content);
      if (content == null
          || (readableChars < MIN_READABLE_CHARS && readableChars * 2 < chars(plain))) {
        return page(title, TextBlocks.join(plain), published, lang, canonical);
      }
      root = content;
    }
    // Without a date tag, the date may be on a dateline the rules below leave out: keep the
    // block's text as it was for the date finder.
    String framed = published == null ? TextBlocks.join(TextBlocks.of(root, Set.of())) : null;
    BoilerplateNames.shared().remove(root);
    List<TextBlocks.Block> blocks = TextBlocks.of(root, Set.of());
    List<TextBlocks.Block> kept = ArticleEdges.trim(LinkDenseBlocks.drop(blocks));
    String text = TextBlocks.join(kept.isEmpty() ? blocks : kept);
    return new ExtractedPage(title, text, published, lang == null || lang.isBlank() ? null : lang,
        canonical, framed == null || framed.equals(text) ? null : framed,
        kept.isEmpty() ? null : ArticleEdges.headline(blocks, kept.get(0)));
  }

  private static ExtractedPage page(String title, String text, String published, String lang,
      String canonical) {
    return new ExtractedPage(title, text, published, lang == null || lang.isBlank() ? null : lang,
        canonical, null, null);
  }

  /** Readability's reading of {@code doc} (which it changes), or null when it gives up. */
  private static Article readable(String url, Document doc) {
    try {
      return new Readability4J(url, doc).parse();
    } catch (RuntimeException | StackOverflowError e) {
      // Readability gives up on some malformed pages; the plain text is still good.
      return null;
    }
  }

  private static int chars(List<TextBlocks.Block> blocks) {
    int n = 0;
    for (TextBlocks.Block b : blocks) {
      n += b.chars();
    }
    return n;
  }

  /**
   * The page's {@code <link rel="canonical" href>}, else its {@code <meta property="og:url">},
   * resolved against the page URL (and any {@code <base href>}); null when neither gives an
   * absolute http(s) URL. A relative href on a page of unknown URL resolves to nothing.
   */
  private static String canonicalUrl(Document doc) {
    for (Element link : doc.select("link[rel][href]")) {
      if (link.attr("href").isBlank()) {
        continue; // jsoup would resolve an empty href to the page URL itself
      }
      for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
        if (rel.equals("canonical")) {
          // jsoup resolves against the page URL and the page's own <base href>.
          String url = absoluteHttpUrl(link.absUrl("href"), null);
          if (url != null) {
            return url;
          }
        }
      }
    }
    for (Element meta : doc.select("meta[property=og:url][content]")) {
      if (meta.attr("content").isBlank()) {
        continue;
      }
      String url = absoluteHttpUrl(meta.absUrl("content"), null);
      if (url != null) {
        return url;
      }
    }
    return null;
  }

  /**
   * {@code href} as an absolute http(s) URL with a host, resolved against {@code base} when it is
   * relative; null when it cannot be one (blank, another scheme, relative without a base).
   */
  public static String absoluteHttpUrl(String href, String base) {
    if (href == null || href.isBlank()) {
      return null;
    }
    String h = href.strip().replace(" ", "%20");
    try {
      URI uri = new URI(h);
      if (!uri.isAbsolute() && base != null && !base.isBlank()) {
        uri = new URI(base.strip().replace(" ", "%20")).resolve(uri);
      }
      String scheme = uri.getScheme();
      boolean http = scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
      return http && uri.getHost() != null ? uri.toString() : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null; // not a URL: no canonical URL rather than a wrong one
    }
  }

  /**
   * The first non-blank date of the {@link #DATE_META} tags, in their order of preference: one
   * pass over the page's meta and time elements rather than one search per tag.
   */
  private static String metaPublished(Document doc) {
    Elements candidates = doc.select("meta, time[pubdate][datetime]");
    for (Evaluator evaluator : DATE_META) {
      for (Element e : candidates) {
        if (e.is(evaluator)) {
          String v = e.hasAttr("content") ? e.attr("content") : e.attr("datetime");
          if (!v.isBlank()) {
            return v.strip();
          }
          break; // as selectFirst: only the first tag of a kind counts
        }
      }
    }
    return null;
  }


}
