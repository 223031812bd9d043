package io.citylinks.extract.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shipped confidence model loads and orders pairs as the evidence for them says. */
class ConfidenceModelTest {
  @Test
  void moreEvidenceMeansMoreConfidence() {
    ConfidenceModel m = ConfidenceModel.shared();
    // a twinning both of whose certain partners one sentence names, said three times, the only
    // pair of its article
    double sure = m.confidence(ConfidenceModel.features(true, 0.95, 0.95, true, 3, 1, true, true,
        false, 1.0, RelationCue.TWINNING, false, false, true));
    // a visit among eight pairs, the partners uncertain, never named together, diplomats about
    double doubtful = m.confidence(ConfidenceModel.features(false, 0.6, 0.6, false, 1, 8, false,
        false, true, 0.2, RelationCue.VISIT, false, false, false));
    assertTrue(sure >= 0.8, "sure " + sure);
    assertTrue(doubtful <= 0.3, "doubtful " + doubtful);
    assertTrue(sure <= 0.99 && doubtful >= 0.01);
  }

  @Test
  void featuresAreTheDeclaredOnes() {
    double[] x = ConfidenceModel.features(true, 0.9, 0.7, true, 2, 3, false, true, false, 0.5,
        RelationCue.AGREEMENT, true, false, true);
    assertEquals(ConfidenceModel.FEATURES.size(), x.length);
    assertEquals(1, x[0]); // intercept
    assertEquals(0.7, x[2], 1e-9); // the less certain place
    assertEquals(1, x[ConfidenceModel.FEATURES.indexOf("type_agreement")]);
    assertEquals(0, x[ConfidenceModel.FEATURES.indexOf("type_twinning")]);
    assertThrows(IllegalArgumentException.class, () -> new ConfidenceModel(new double[3]));
  }
}
