package io.citylinks.extract;

import io.citylinks.extract.partnership.Candidate;
import io.citylinks.extract.partnership.CueMention;
import io.citylinks.extract.places.PlaceMention;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The columns the project's stages add, and their conversion between Spark rows and the Java
 * records of the extraction logic. Offsets in the columns are into the article text; the records
 * hold offsets into their sentence.
 */
public final class Annotations {
  private Annotations() {}

  /** One resolved place mention. */
  public static final StructType PLACE = new StructType()
      .add("sentence_idx", DataTypes.IntegerType, false)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("surface", DataTypes.StringType)
      .add("place_id", DataTypes.StringType)
      .add("name", DataTypes.StringType)
      .add("country", DataTypes.StringType)
      .add("kind", DataTypes.StringType)
      .add("confidence", DataTypes.DoubleType)
      .add("rule", DataTypes.StringType);
  public static final ArrayType PLACES = DataTypes.createArrayType(PLACE, false);

  /** One relation cue. */
  public static final StructType CUE = new StructType()
      .add("sentence_idx", DataTypes.IntegerType, false)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("cue", DataTypes.StringType)
      .add("type", DataTypes.StringType)
      .add("strong", DataTypes.BooleanType, false);
  public static final ArrayType CUES = DataTypes.createArrayType(CUE, false);

  /** One partnership of the article. */
  public static final StructType PARTNERSHIP = new StructType()
      .add("a", PLACE, false)
      .add("b", PLACE, false)
      .add("type", DataTypes.StringType)
      .add("support", DataTypes.createArrayType(DataTypes.IntegerType, false))
      .add("evidence_idx", DataTypes.IntegerType, false)
      .add("confidence", DataTypes.DoubleType, false)
      .add("topics", DataTypes.createArrayType(DataTypes.StringType, false))
      .add("year", DataTypes.IntegerType);
  public static final ArrayType PARTNERSHIPS = DataTypes.createArrayType(PARTNERSHIP, false);

  /** An article's sentences from Spark NLP's annotations: texts and begin offsets. */
  public record Sentences(List<String> texts, int[] begins) {
    public static Sentences of(Seq<Row> annotations) {
      if (annotations == null) {
        return new Sentences(List.of(), new int[0]);
      }
      List<Row> rows = JavaConverters.seqAsJavaList(annotations);
      List<String> texts = new ArrayList<>(rows.size());
      int[] begins = new int[rows.size()];
      for (int i = 0; i < begins.length; i++) {
        Row a = rows.get(i);
        begins[i] = a.getInt(a.fieldIndex("begin"));
        texts.add(a.getString(a.fieldIndex("result")));
      }
      return new Sentences(texts, begins);
    }
  }

  public static Row placeRow(PlaceMention m, Sentences s) {
    int base = s.begins()[m.sentenceIdx()];
    return RowFactory.create(m.sentenceIdx(), base + m.start(), base + m.end(), m.surface(),
        m.placeId(), m.name(), m.country(), m.kind(), m.confidence(), m.rule());
  }

  public static PlaceMention place(Row r, Sentences s) {
    int idx = r.getInt(0);
    int base = s.begins()[idx];
    return new PlaceMention(idx, r.getInt(1) - base, r.getInt(2) - base, r.getString(3),
        r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getDouble(8),
        r.getString(9));
  }

  public static List<PlaceMention> places(Seq<Row> rows, Sentences s) {
    List<PlaceMention> out = new ArrayList<>();
    if (rows != null) {
      JavaConverters.seqAsJavaList(rows).forEach(r -> out.add(place(r, s)));
    }
    return out;
  }

  public static Row cueRow(CueMention c, Sentences s) {
    int base = s.begins()[c.sentenceIdx()];
    return RowFactory.create(c.sentenceIdx(), base + c.start(), base + c.end(), c.cue(),
        c.type(), c.strong());
  }

  public static List<CueMention> cues(Seq<Row> rows, Sentences s) {
    List<CueMention> out = new ArrayList<>();
    if (rows != null) {
      for (Row r : JavaConverters.seqAsJavaList(rows)) {
        int base = s.begins()[r.getInt(0)];
        out.add(new CueMention(r.getInt(0), r.getInt(1) - base, r.getInt(2) - base,
            r.getString(3), r.getString(4), r.getBoolean(5)));
      }
    }
    return out;
  }

  public static Row partnershipRow(Candidate c, Sentences s) {
    return RowFactory.create(placeRow(c.a(), s), placeRow(c.b(), s), c.type(),
        JavaConverters.asScalaBuffer(new ArrayList<>(c.support())).toSeq(), c.evidenceIdx(),
        c.confidence(), JavaConverters.asScalaBuffer(new ArrayList<>(c.topics())).toSeq(),
        c.year());
  }

  public static List<Candidate> partnerships(Seq<Row> rows, Sentences s) {
    List<Candidate> out = new ArrayList<>();
    if (rows == null) {
      return out;
    }
    for (Row r : JavaConverters.seqAsJavaList(rows)) {
      List<Integer> support = JavaConverters.seqAsJavaList(r.<Integer>getSeq(3));
      List<String> topics = JavaConverters.seqAsJavaList(r.<String>getSeq(6));
      out.add(new Candidate(place(r.getStruct(0), s), place(r.getStruct(1), s), r.getString(2),
          List.copyOf(support), r.getInt(4), r.getDouble(5), List.copyOf(topics),
          r.isNullAt(7) ? null : r.getInt(7)));
    }
    return out;
  }
}
