package dev.rapport.crm.activity;

import static dev.rapport.crm.activity.TestCrm.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of task status commands: only moves {@link TaskStatus#canMoveTo} allows are
 * stored, {@code completedAt} is set exactly when done, the open-task look-up follows the status,
 * and every refused command changes nothing and publishes nothing.
 */
class TaskLifecycleProperties {
    @Test
    void randomStatusCommandsOnlyTakeAllowedMovesAndRefusalsChangeNothing() {
        Gen<TaskStatus> targets = Gen.enums(TaskStatus.class);
        PropertyCheck.forAll(Gen.lists(targets, 0, 12)).tries(200).id("task-lifecycle").check(moves -> {
            TestCrm t = new TestCrm();
            Task task = t.crm.tasks().create(NewTask.titled("x").assignee(BOB));
            t.drainEvents();
            for (TaskStatus target : moves) {
                t.clock.advance(Duration.ofMinutes(7));
                Task before = t.crm.tasks().get(task.id());
                if (!before.status().canMoveTo(target)) {
                    assertThatThrownBy(() -> move(t, task.id(), target))
                            .isInstanceOfSatisfying(CrmValidationException.class,
                                    e -> assertThat(e.field()).isEqualTo("status"));
                    assertThat(t.crm.tasks().get(task.id())).isEqualTo(before);
                    assertThat(t.events).isEmpty();
                    continue;
                }
                move(t, task.id(), target);
                Task after = t.crm.tasks().get(task.id());
                List<CrmEvent> events = t.drainEvents();
                assertThat(after.status()).isEqualTo(target);
                assertThat(after.version()).isEqualTo(before.version() + 1);
                assertThat(events).hasSize(1);
                assertThat(after.completedAt() != null).isEqualTo(target == TaskStatus.DONE);
                if (after.completedAt() != null) {
                    assertThat(after.completedAt()).isEqualTo(t.clock.instant());
                }
                assertThat(t.crm.tasks().openTasks(BOB).contains(after)).isEqualTo(target.isOpen());
            }
        });
    }

    private static void move(TestCrm t, TaskId id, TaskStatus target) {
        switch (target) {
            case OPEN -> t.crm.tasks().stop(id);
            case IN_PROGRESS -> t.crm.tasks().start(id);
            case DONE -> t.crm.tasks().complete(id);
            case CANCELLED -> t.crm.tasks().cancel(id);
        }
    }
}
