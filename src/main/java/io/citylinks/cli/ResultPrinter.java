package io.citylinks.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylinks.cli.SqlCommand.ResultFormat;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/** Prints a query result as an aligned table, RFC 4180 CSV, or JSON Lines (nulls kept). */
final class ResultPrinter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CELL = 80;

  private ResultPrinter() {}

  static void print(Dataset<Row> result, ResultFormat format, PrintStream out) {
    StructField[] fields = result.schema().fields();
    Iterator<Row> rows = result.toLocalIterator();
    switch (format) {
      case CSV -> {
        List<String> header = new ArrayList<>();
        for (StructField f : fields) {
          header.add(csv(f.name()));
        }
        out.println(String.join(",", header));
        while (rows.hasNext()) {
          Row r = rows.next();
          List<String> cells = new ArrayList<>();
          for (int i = 0; i < fields.length; i++) {
            cells.add(r.isNullAt(i) ? "" : csv(cell(r, i)));
          }
          out.println(String.join(",", cells));
        }
      }
      case JSON -> {
        while (rows.hasNext()) {
          Row r = rows.next();
          ObjectNode node = JSON.createObjectNode();
          for (int i = 0; i < fields.length; i++) {
            Object v = r.get(i);
            if (v == null) {
              node.putNull(fields[i].name());
            } else if (v instanceof Number || v instanceof Boolean) {
              node.set(fields[i].name(), JSON.valueToTree(v));
            } else {
              node.put(fields[i].name(), cell(r, i));
            }
          }
          try {
            out.println(JSON.writeValueAsString(node));
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      case TABLE -> printTable(fields, rows, out);
    }
    out.flush();
  }

  private static void printTable(StructField[] fields, Iterator<Row> rows, PrintStream out) {
    List<String[]> cells = new ArrayList<>();
    int[] width = new int[fields.length];
    String[] header = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      header[i] = fields[i].name();
      width[i] = header[i].length();
    }
    while (rows.hasNext()) {
      Row r = rows.next();
      String[] line = new String[fields.length];
      for (int i = 0; i < fields.length; i++) {
        String v = r.isNullAt(i) ? "NULL" : cell(r, i).replace('\n', ' ');
        if (v.length() > MAX_CELL) {
          v = v.substring(0, MAX_CELL - 1) + "…";
        }
        line[i] = v;
        width[i] = Math.max(width[i], v.length());
      }
      cells.add(line);
    }
    StringBuilder rule = new StringBuilder("+");
    for (int w : width) {
      rule.append("-".repeat(w + 2)).append('+');
    }
    out.println(rule);
    out.println(rowLine(header, width));
    out.println(rule);
    for (String[] line : cells) {
      out.println(rowLine(line, width));
    }
    out.println(rule);
    out.println(cells.size() + (cells.size() == 1 ? " row" : " rows"));
  }

  private static String rowLine(String[] values, int[] width) {
    StringBuilder sb = new StringBuilder("|");
    for (int i = 0; i < values.length; i++) {
      sb.append(' ').append(values[i]).append(" ".repeat(width[i] - values[i].length()))
          .append(" |");
    }
    return sb.toString();
  }

  private static String cell(Row r, int i) {
    Object v = r.get(i);
    if (v instanceof scala.collection.Seq<?> seq) {
      return scala.collection.JavaConverters.seqAsJavaList(seq).toString();
    }
    return String.valueOf(v);
  }

  private static String csv(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
