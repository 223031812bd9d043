package io.citylinks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void semicolonsInQuotesAndCommentsDoNotEndAStatement() {
    String script = """
        -- the first one; with a semicolon in a comment
        SELECT 'a;b' AS s, "c;d" AS t;
        /* block; comment */ SELECT `odd;name` FROM x;
        SELECT 'it\\'s; fine'
        """;
    assertEquals(List.of(
        "-- the first one; with a semicolon in a comment\nSELECT 'a;b' AS s, \"c;d\" AS t",
        "/* block; comment */ SELECT `odd;name` FROM x",
        "SELECT 'it\\'s; fine'"), SqlScript.statements(script));
  }

  @Test
  void blankAndCommentOnlyStatementsAreDropped() {
    assertEquals(List.of("SELECT 1", "SELECT 2"),
        SqlScript.statements(";;\nSELECT 1;\n-- nothing here\n;SELECT 2;\n/* end */\n"));
    assertEquals(List.of(), SqlScript.statements("  -- only a comment\n"));
  }

  @Test
  void aPromptRunsWhatIsEndedAndKeepsTheRest() {
    SqlScript.Split split = SqlScript.split("SELECT 1; SELECT 'x;\n");
    assertEquals(List.of("SELECT 1"), split.statements());
    assertFalse(split.finished());
    assertEquals(" SELECT 'x;\n", split.remainder());

    SqlScript.Split done = SqlScript.split("SELECT 1;\n-- trailing comment\n");
    assertTrue(done.finished());
    SqlScript.Split open = SqlScript.split("SELECT 1 /* still; open\n");
    assertEquals(List.of(), open.statements());
    assertFalse(open.finished());
  }
}
