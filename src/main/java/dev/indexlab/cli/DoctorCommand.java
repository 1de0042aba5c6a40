package dev.indexlab.cli;

import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.db.Leftovers;
import dev.indexlab.scenario.InPlaceScenarios;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code indexlab doctor}: removes, on demand, what an indexlab process that was killed left
 * behind. Every command does the same on its way in; this one does only that and says what it did.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Cleans up after an indexlab that was killed (kill -9, a crash): stops its embedded"
          + " PostgreSQL and deletes its data folder and connection files (in the temp folder),"
          + " and, with --db jdbc:postgresql://..., drops the scenario copy databases it made on"
          + " that server and reverts a candidate it left applied in place. What a running"
          + " indexlab owns is never touched. Every other command does this on its way in.",
      "Exit status: 0 done (whether or not there was anything to clean), 2 usage."
    })
final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<String> done = new ArrayList<>(Leftovers.sweepTemp());
    if (target.db().startsWith("jdbc:")) {
      try (DatabaseTarget t = target.open()) {
        done.addAll(target.swept());
        done.addAll(InPlaceScenarios.recover(t.connection(), spec.commandLine().getErr()));
      }
    }
    if (done.isEmpty()) {
      out.println("indexlab doctor: nothing left behind by an indexlab that was killed");
    } else {
      done.forEach(d -> out.println("indexlab doctor: " + d));
    }
    out.flush();
    return 0;
  }
}
