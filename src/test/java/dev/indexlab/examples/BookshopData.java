package dev.indexlab.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates the CSV files of the example workload {@code examples/bookshop/data} from a fixed seed.
 * The files are committed; {@code BookshopDataTest} checks that they are what this class writes.
 * Regenerate from the repository root with {@code mvn -q -o test-compile} and then {@code java -cp
 * target/test-classes dev.indexlab.examples.BookshopData}.
 */
public final class BookshopData {
  static final long SEED = 20_261_128L;
  static final int AUTHORS = 300;
  static final int BOOKS = 3_000;
  static final int CUSTOMERS = 2_000;
  static final int REVIEWS = 8_000;

  private static final String[] FIRST = {
    "Ada", "Bruno", "Chiara", "Dmitri", "Elena", "Farah", "Gustav", "Hana", "Ines", "Jonas", "Kemi",
    "Lars", "Maya", "Nils", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tomoko", "Uma", "Victor",
    "Wen", "Ximena", "Yusuf", "Zoe"
  };
  private static final String[] LAST = {
    "Abara", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova",
    "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Patel", "Quist", "Rossi",
    "Schmidt", "Tanaka", "Ueda", "Varga", "Walsh", "Xu", "Yilmaz", "Zhang"
  };
  private static final String[] ADJECTIVES = {
    "Silent",
    "Hidden",
    "Last",
    "Burning",
    "Quiet",
    "Northern",
    "Broken",
    "Golden",
    "Distant",
    "Secret",
    "Winter",
    "Lost",
    "Crimson",
    "Endless",
    "Little",
    "Wild"
  };
  private static final String[] NOUNS = {
    "River",
    "Night",
    "Garden",
    "War",
    "Love",
    "House",
    "Harbour",
    "Mountain",
    "Letter",
    "Orchard",
    "Kingdom",
    "Island",
    "Station",
    "Library",
    "Forest",
    "Lighthouse",
    "Kitchen",
    "Road"
  };
  private static final String[] COUNTRIES = {
    "AR", "AU", "BR", "CA", "DE", "ES", "FR", "GB", "IE", "IN", "IT", "JP", "MX", "NG", "PL", "US"
  };
  private static final String[] REVIEW_WORDS = {
    "gripping",
    "slow",
    "moving",
    "funny",
    "dense",
    "beautiful",
    "predictable",
    "clever",
    "long",
    "short",
    "dark",
    "warm",
    "brilliant",
    "uneven",
    "charming"
  };
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final long START = Instant.parse("2021-01-01T00:00:00Z").getEpochSecond();
  private static final long SPAN = 4L * 365 * 24 * 3600;

  private BookshopData() {}

  /** Writes the files into {@code args[0]} (default {@code examples/bookshop/data}). */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/bookshop/data");
    Files.createDirectories(dir);
    for (Map.Entry<String, String> f : generate().entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** File name to content, in a fixed order. */
  static Map<String, String> generate() {
    Random r = new Random(SEED);
    Map<String, String> files = new LinkedHashMap<>();
    StringBuilder authors = new StringBuilder("id,name,country_code\n");
    for (int id = 1; id <= AUTHORS; id++) {
      row(authors, id, person(r), pick(r, COUNTRIES));
    }
    files.put("authors.csv", authors.toString());

    List<String> isbns = new ArrayList<>();
    List<String> prices = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    StringBuilder books = new StringBuilder("isbn,title,author_id,genre_id,published_year,price\n");
    while (isbns.size() < BOOKS) {
      String isbn = isbn(r);
      if (!seen.add(isbn)) {
        continue;
      }
      String price = String.format(Locale.ROOT, "%d.%02d", 5 + r.nextInt(55), r.nextInt(100));
      isbns.add(isbn);
      prices.add(price);
      row(
          books,
          isbn,
          title(r),
          1 + r.nextInt(AUTHORS),
          1 + r.nextInt(8),
          1950 + r.nextInt(75),
          price);
    }
    files.put("books.csv", books.toString());

    StringBuilder customers = new StringBuilder("id,email,name,country_code,created_at\n");
    long[] joined = new long[CUSTOMERS + 1];
    for (int id = 1; id <= CUSTOMERS; id++) {
      String name = person(r);
      joined[id] = START + (long) (r.nextDouble() * SPAN / 2);
      String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + id + "@example.org";
      row(customers, id, email, name, pick(r, COUNTRIES), time(joined[id]));
    }
    files.put("customers.csv", customers.toString());

    StringBuilder orders = new StringBuilder("customer_id,order_no,placed_at,status\n");
    StringBuilder items =
        new StringBuilder("id,customer_id,order_no,book_isbn,quantity,unit_price\n");
    long itemId = 0;
    for (int customer = 1; customer <= CUSTOMERS; customer++) {
      int count = r.nextInt(7);
      long at = joined[customer];
      for (int no = 1; no <= count; no++) {
        at += 3600 + (long) (r.nextDouble() * SPAN / 12);
        String status = no < count ? "delivered" : pick(r, "placed", "shipped", "cancelled");
        row(orders, customer, no, time(at), status);
        int lines = 1 + r.nextInt(4);
        for (int line = 0; line < lines; line++) {
          int book = r.nextInt(BOOKS);
          row(items, ++itemId, customer, no, isbns.get(book), 1 + r.nextInt(3), prices.get(book));
        }
      }
    }
    files.put("orders.csv", orders.toString());
    files.put("order_items.csv", items.toString());

    StringBuilder reviews =
        new StringBuilder("id,book_isbn,customer_id,starRating,body,created_at\n");
    for (int id = 1; id <= REVIEWS; id++) {
      int book = (int) (BOOKS * Math.pow(r.nextDouble(), 2));
      int customer = 1 + r.nextInt(CUSTOMERS);
      String body =
          pick(r, REVIEW_WORDS) + ", " + pick(r, REVIEW_WORDS) + " and \"" + pick(r, NOUNS) + "\"";
      long at = joined[customer] + 86_400 + (long) (r.nextDouble() * SPAN / 2);
      row(reviews, id, isbns.get(book), customer, 1 + r.nextInt(5), body, time(at));
    }
    files.put("shop.Reviews.csv", reviews.toString());
    return files;
  }

  private static String person(Random r) {
    return pick(r, FIRST) + " " + pick(r, LAST);
  }

  private static String title(Random r) {
    String t = "The " + pick(r, ADJECTIVES) + " " + pick(r, NOUNS);
    int shape = r.nextInt(10);
    if (shape == 0) {
      t += ", and Other Stories";
    } else if (shape == 1) {
      t += " of the " + pick(r, NOUNS);
    }
    return t;
  }

  /** A 13-digit ISBN starting 978 with a correct check digit. */
  private static String isbn(Random r) {
    StringBuilder b = new StringBuilder("978");
    for (int i = 0; i < 9; i++) {
      b.append(r.nextInt(10));
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (b.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return b.append((10 - sum % 10) % 10).toString();
  }

  private static String time(long epochSecond) {
    return TIME.format(Instant.ofEpochSecond(epochSecond));
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  private static void row(StringBuilder out, Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      String f = String.valueOf(fields[i]);
      if (f.contains(",") || f.contains("\"") || f.contains("\n")) {
        out.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        out.append(f);
      }
    }
    out.append('\n');
  }
}
