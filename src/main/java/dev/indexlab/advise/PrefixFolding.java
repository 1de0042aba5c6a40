package dev.indexlab.advise;

import dev.indexlab.check.CandidateKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds a proposed b-tree index into a longer proposal on the same table whose key columns start
 * with the same columns: {@code song_history (user_id)} for a foreign key and {@code song_history
 * (user_id, created_at DESC)} for a "latest plays" query become one candidate, the longer index,
 * carrying both reasons. The longer index serves every lookup the shorter one would (equality on
 * the leading columns, in any direction), and measuring both would cost a scenario each and leave
 * the optimized set with two indexes to maintain where one does the work.
 */
final class PrefixFolding {
  private PrefixFolding() {}

  /** {@code proposals} with every foldable one merged into its longest covering proposal. */
  static List<Proposal> fold(List<Proposal> proposals, List<AdviceNote> notes) {
    List<Proposal> out = new ArrayList<>(proposals);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < out.size() && !changed; i++) {
        Proposal shorter = out.get(i);
        Proposal.Part part = foldable(shorter);
        if (part == null) {
          continue;
        }
        Proposal cover = null;
        for (Proposal longer : out) {
          Proposal.Part other = foldable(longer);
          if (longer != shorter
              && other != null
              && covers(other, part)
              && (cover == null || other.keys().size() > foldable(cover).keys().size())) {
            cover = longer;
          }
        }
        if (cover != null) {
          notes.add(
              new AdviceNote(
                  shorter.reasons().get(0).rule(),
                  describe(part),
                  "served by the proposed " + describe(foldable(cover)) + ", which leads with it"));
          // the folded candidate takes the earlier place and leads with the shorter one's reasons
          // (a foreign key's cascade comes before a sort it also serves)
          int at = Math.min(out.indexOf(shorter), out.indexOf(cover));
          Proposal merged =
              new Proposal(cover.kind(), cover.parts(), null, shorter.merge(cover).reasons());
          out.remove(shorter);
          out.remove(cover);
          out.add(at, merged);
          changed = true;
        }
      }
    }
    return out;
  }

  /** The one plain b-tree index a proposal creates, or null when it is anything else. */
  private static Proposal.Part foldable(Proposal p) {
    if (p.kind() != CandidateKind.CREATE_INDEX || p.parts().size() != 1) {
      return null;
    }
    Proposal.Part part = p.parts().get(0);
    boolean plain =
        part.keys().stream().allMatch(k -> k.opclass() == null || k.opclass().isEmpty());
    return "btree".equals(part.method()) && plain ? part : null;
  }

  /**
   * True when {@code longer} is on the same table and starts with {@code shorter}'s columns, in the
   * same directions or all reversed (a b-tree scan runs either way).
   */
  static boolean covers(Proposal.Part longer, Proposal.Part shorter) {
    return longer.keys().size() > shorter.keys().size() && spec(shorter).servedBy(spec(longer));
  }

  private static IndexSpec spec(Proposal.Part part) {
    return new IndexSpec(
        part.table().schema(), part.table().name(), "", part.method(), part.keys());
  }

  private static String describe(Proposal.Part part) {
    return spec(part).describe();
  }
}
