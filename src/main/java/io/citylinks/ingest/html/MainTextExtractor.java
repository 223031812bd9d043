package io.citylinks.ingest.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeVisitor;

/**
 * Takes the main text out of an HTML page with Readability4J (a port of Mozilla's Readability)
 * over jsoup, keeping one block per line; when Readability finds too little (short pages, odd
 * layouts) it falls back to the whole body without navigation, scripts and forms.
 */
public final class MainTextExtractor {
  /** Below this many characters Readability's pick is not trusted over the plain body. */
  private static final int MIN_READABLE_CHARS = 200;
  private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5",
      "h6", "li", "ul", "ol", "tr", "td", "th", "table", "blockquote", "section", "article",
      "header", "footer", "pre", "dd", "dt", "dl", "figcaption", "figure", "main", "aside",
      "address", "hr", "form", "nav", "center", "title");
  private static final String[] DATE_META = {
      "meta[property=article:published_time]", "meta[name=article:published_time]",
      "meta[itemprop=datePublished]", "meta[name=pubdate]", "meta[name=publishdate]",
      "meta[name=date]", "meta[name=DC.date.issued]", "meta[name=dc.date]",
      "meta[property=og:published_time]", "meta[name=sailthru.date]", "time[pubdate][datetime]"};

  private MainTextExtractor() {}

  public static ExtractedPage extract(String html, String url) {
    Document doc = Jsoup.parse(html, url == null ? "" : url);
    String title = doc.title().isBlank() ? null : doc.title().strip();
    String published = metaPublished(doc);
    String canonical = canonicalUrl(doc);
    String lang = doc.selectFirst("html[lang]") == null ? null
        : doc.selectFirst("html[lang]").attr("lang");
    // Pages that mark their story with one <article> element need no scoring: it is the text
    // (and Readability, ~1,500 pages/s per core, is the most expensive step of ingestion).
    Elements articles = doc.select("article");
    if (articles.size() == 1) {
      String marked = blockText(withoutChrome(articles.first().clone()));
      if (marked.length() >= MIN_READABLE_CHARS) {
        return new ExtractedPage(title, marked, published,
            lang == null || lang.isBlank() ? null : lang, canonical);
      }
    }
    String fallback = blockText(withoutChrome(doc.clone()).body());
    String text = fallback;
    try {
      Article article = new Readability4J(url == null ? "http://localhost/" : url, doc).parse();
      Element content = article.getArticleContent();
      if (content != null) {
        String readable = blockText(content);
        if (readable.length() >= MIN_READABLE_CHARS || readable.length() * 2 >= fallback.length()) {
          text = readable;
        }
      }
      if (title == null && article.getTitle() != null && !article.getTitle().isBlank()) {
        title = article.getTitle().strip();
      }
    } catch (RuntimeException | StackOverflowError e) {
      // Readability gives up on some malformed pages; the plain body text is still good.
    }
    return new ExtractedPage(title, text, published, lang == null || lang.isBlank() ? null : lang,
        canonical);
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

  private static String metaPublished(Document doc) {
    for (String selector : DATE_META) {
      Element e = doc.selectFirst(selector);
      if (e != null) {
        String v = e.hasAttr("content") ? e.attr("content") : e.attr("datetime");
        if (!v.isBlank()) {
          return v.strip();
        }
      }
    }
    return null;
  }

  private static <T extends Element> T withoutChrome(T root) {
    root.select("script, style, noscript, nav, form, iframe, svg, template, button, select, aside")
        .remove();
    return root;
  }

  /** Text of an element with each block element on its own line. */
  static String blockText(Element root) {
    if (root == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          if (t.isBlank() && (sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n')) {
            return; // layout white space between blocks is not a blank line of the text
          }
          sb.append(t.getWholeText().replace('\n', ' ').replace('\r', ' '));
        } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          newline(sb);
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          newline(sb);
        }
      }
    }, root);
    return io.citylinks.text.TextNormalizer.cleanText(sb.toString());
  }

  private static void newline(StringBuilder sb) {
    if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
      sb.append('\n');
    }
  }
}
