package dev.indexlab.schema;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file names Flyway accepts as SQL migrations: {@code V<version>__<description>.sql} (version
 * parts separated by {@code .} or {@code _}) and repeatable {@code R__<description>.sql}.
 */
public final class FlywayNames {
  private static final Pattern VERSIONED = Pattern.compile("V\\d+(?:[._]\\d+)*__[^\\s].*\\.sql");
  private static final Pattern REPEATABLE = Pattern.compile("R__[^\\s].*\\.sql");
  private static final Pattern VERSION = Pattern.compile("^V(\\d+(?:[._]\\d+)*)__");

  /** Versioned migration names in the order Flyway applies them: by version, part by part. */
  public static final Comparator<String> VERSION_ORDER =
      Comparator.comparing(FlywayNames::version, FlywayNames::compareVersions);

  private FlywayNames() {}

  /** True for a versioned or repeatable SQL migration name. */
  public static boolean isMigration(String fileName) {
    return isVersioned(fileName) || REPEATABLE.matcher(fileName).matches();
  }

  /** True for {@code V<version>__<description>.sql}. */
  public static boolean isVersioned(String fileName) {
    return VERSIONED.matcher(fileName).matches();
  }

  /** Why {@code fileName} is not a migration name, in a few words (for messages). */
  public static String expected() {
    return "not a Flyway migration name: use V<version>__<description>.sql, for example"
        + " V1000__orders_customer_fk.sql";
  }

  /** The version parts of {@code V1_2__x.sql}: [1, 2]; none for a name without a version. */
  public static BigInteger[] version(String fileName) {
    Matcher m = VERSION.matcher(fileName);
    if (!m.find()) {
      return new BigInteger[0];
    }
    return Arrays.stream(m.group(1).split("[._]")).map(BigInteger::new).toArray(BigInteger[]::new);
  }

  /** Compares two versions part by part, a missing part counting as 0 ({@code 1 = 1.0}). */
  public static int compareVersions(BigInteger[] a, BigInteger[] b) {
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      BigInteger x = i < a.length ? a[i] : BigInteger.ZERO;
      BigInteger y = i < b.length ? b[i] : BigInteger.ZERO;
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
