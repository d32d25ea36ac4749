package org.salespipeline.testkit;

import java.util.List;
import java.util.Map;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.command.CommandResult;

/** What one writer thread saw succeed. */
record WriterLog(
    List<CommandResult> results, Map<DealId, List<ActivityId>> logged, int conflicts) {}
