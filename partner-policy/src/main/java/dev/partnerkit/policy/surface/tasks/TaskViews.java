package dev.partnerkit.policy.surface.tasks;

import dev.partnerkit.policy.workspace.ReadResult;
import dev.partnerkit.policy.workspace.RecordCommands;
import dev.partnerkit.spi.TypedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns task records into {@link PartnerTask} views, with their dependency links. */
final class TaskViews {
  private TaskViews() {}

  static ReadResult<PartnerTask> page(RecordCommands records, ReadResult<TypedRecord<TaskBody, TaskStatus>> read) {
    List<PartnerTask> tasks = new ArrayList<>(read.items().size());
    for (TypedRecord<TaskBody, TaskStatus> record : read.items()) {
      tasks.add(PartnerTask.of(record, records.links(Tasks.TYPE, record.id(), Optional.of(Tasks.DEPENDS_ON))));
    }
    return read.map(tasks);
  }
}
