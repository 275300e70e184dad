package dev.rapport.crm.activity;

import static dev.rapport.crm.activity.TestCrm.ALICE;
import static dev.rapport.crm.activity.TestCrm.BOB;
import static dev.rapport.crm.activity.TestCrm.CAROL;
import static dev.rapport.crm.activity.TestCrm.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.TaskCancelled;
import dev.rapport.crm.event.TaskCompleted;
import dev.rapport.crm.event.TaskCreated;
import dev.rapport.crm.event.TaskUpdated;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.OpportunityId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskServiceTest {
    /** The day of {@link TestCrm#T0} in UTC. */
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private TestCrm t;
    private Crm crm;
    private Contact ada;

    @BeforeEach
    void setUp() {
        t = new TestCrm();
        crm = t.crm;
        ada = t.contact();
        t.drainEvents();
    }

    private Task task(String title) {
        return crm.tasks().create(NewTask.titled(title).assignee(BOB));
    }

    private List<Task> storedTasks() {
        return t.read(tx -> tx.tasks().list(PageRequest.first(100)).items());
    }

    private void assertRefused(Runnable command, String field) {
        List<Task> before = storedTasks();
        assertThatThrownBy(command::run).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        List<Task> after = storedTasks();
        assertThat(after).isEqualTo(before);
        assertThat(t.events).isEmpty();
    }

    @Test
    void aNewTaskIsOpenAndPublishesTaskCreated() {
        Task task = crm.tasks().create(NewTask.titled("Send the quote").assignee(BOB).dueOn(TODAY.plusDays(3))
                .priority(TaskPriority.HIGH).contact(ada.id()));

        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.assigneeId()).isEqualTo(BOB);
        assertThat(task.completedAt()).isNull();
        assertThat(crm.tasks().get(task.id())).isEqualTo(task);
        assertThat(t.events).singleElement().isInstanceOfSatisfying(TaskCreated.class, e -> {
            assertThat(e.taskId()).isEqualTo(task.id());
            assertThat(e.assignee()).isEqualTo(BOB);
        });
    }

    @Test
    void withoutAnAssigneeTheTaskGoesToTheUserRunningTheCommand() {
        assertThat(crm.tasks().create(NewTask.titled("Call back")).assigneeId()).isEqualTo(ALICE);
    }

    @Test
    void anIntegrationMustNameTheAssignee() {
        t.actor = Actor.integration("erp");

        assertRefused(() -> crm.tasks().create(NewTask.titled("Call back")), "assigneeId");
    }

    @Test
    void unknownOrInactiveAssigneesAreRefused() {
        assertRefused(() -> crm.tasks().create(NewTask.titled("x").assignee(UserId.of("stranger"))), "assigneeId");
        assertRefused(() -> crm.tasks().create(NewTask.titled("x").assignee(CAROL)), "assigneeId");
    }

    @Test
    void linksToMissingRecordsAreRefused() {
        assertRefused(() -> crm.tasks().create(NewTask.titled("x").assignee(BOB).contact(ContactId.of("nope"))),
                "contactId");
    }

    @Test
    void aBlankTitleIsRefused() {
        assertThatThrownBy(() -> NewTask.titled("  ")).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo("title"));
    }

    @Test
    void aDueDateBeforeCreationIsAllowedAndTheTaskIsOverdueAtOnce() {
        Task late = crm.tasks().create(NewTask.titled("Backlog").assignee(BOB).dueOn(TODAY.minusDays(2)));

        assertThat(late.dueOn()).isEqualTo(TODAY.minusDays(2));
        assertThat(crm.tasks().overdue(BOB)).containsExactly(late);
    }

    @Test
    void completingATaskRecordsWhenAndPublishesTaskCompleted() {
        Task task = task("Send the quote");
        t.clock.advance(Duration.ofHours(2));
        t.drainEvents();

        Task done = crm.tasks().complete(task.id());

        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.completedAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(done.version()).isEqualTo(2);
        assertThat(t.events).singleElement().isInstanceOf(TaskCompleted.class);
    }

    @Test
    void aDoneOrCancelledTaskCannotMoveAgain() {
        Task done = crm.tasks().complete(task("a").id());
        Task cancelled = crm.tasks().cancel(task("b").id());
        t.drainEvents();

        assertRefused(() -> crm.tasks().complete(done.id()), "status");
        assertRefused(() -> crm.tasks().cancel(done.id()), "status");
        assertRefused(() -> crm.tasks().start(cancelled.id()), "status");
        assertRefused(() -> crm.tasks().complete(cancelled.id()), "status");
    }

    @Test
    void cancellingPublishesTaskCancelled() {
        Task task = task("a");
        t.drainEvents();

        Task cancelled = crm.tasks().cancel(task.id());

        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancelled.completedAt()).isNull();
        assertThat(t.events).singleElement().isInstanceOf(TaskCancelled.class);
    }

    @Test
    void aTaskCanBeStartedAndPutBack() {
        Task task = task("a");
        t.drainEvents();

        assertThat(crm.tasks().start(task.id()).status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(crm.tasks().stop(task.id()).status()).isEqualTo(TaskStatus.OPEN);
        assertThat(t.events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(TaskUpdated.class,
                u -> assertThat(u.changedFields()).containsExactly("status")));
        t.drainEvents();
        assertRefused(() -> crm.tasks().stop(task.id()), "status");
    }

    @Test
    void reassigningMovesTheTaskToTheOtherUsersList() {
        Task task = task("a");
        t.drainEvents();

        Task moved = crm.tasks().reassign(task.id(), ALICE);

        assertThat(moved.assigneeId()).isEqualTo(ALICE);
        assertThat(crm.tasks().openTasks(ALICE)).containsExactly(moved);
        assertThat(crm.tasks().openTasks(BOB)).isEmpty();
        assertThat(t.events).singleElement().isInstanceOfSatisfying(TaskUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("assigneeId"));
    }

    @Test
    void reassigningToAnInactiveUserOrAFinishedTaskIsRefused() {
        Task open = task("a");
        Task done = crm.tasks().complete(task("b").id());
        t.drainEvents();

        assertRefused(() -> crm.tasks().reassign(open.id(), CAROL), "assigneeId");
        assertRefused(() -> crm.tasks().reassign(done.id(), ALICE), "status");
    }

    @Test
    void anUpdateChangesTheDetailsAndPublishesTheChangedFields() {
        Task task = task("Send quote");
        t.drainEvents();

        Task updated = crm.tasks().update(task.withDetails("Send the quote", "PDF").withDueOn(TODAY.plusDays(1)));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.title()).isEqualTo("Send the quote");
        assertThat(t.events).singleElement().isInstanceOfSatisfying(TaskUpdated.class,
                e -> assertThat(e.changedFields()).containsExactlyInAnyOrder("title", "description", "dueOn"));
    }

    @Test
    void anUpdateBasedOnAStaleVersionIsRefused() {
        Task task = task("a");
        crm.tasks().update(task.withPriority(TaskPriority.HIGH));
        t.drainEvents();

        assertThatThrownBy(() -> crm.tasks().update(task.withPriority(TaskPriority.LOW)))
                .isInstanceOf(CrmConflictException.class);
        assertThat(crm.tasks().get(task.id()).priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(t.events).isEmpty();
    }

    @Test
    void anUpdateCannotChangeTheStatusOrTheAssignee() {
        Task task = task("a");
        t.drainEvents();
        Task done = new Task(task.id(), task.tenantId(), task.version(), task.title(), task.description(),
                task.dueOn(), task.assigneeId(), TaskStatus.DONE, task.priority(), task.links(), task.createdAt(),
                task.updatedAt(), T0, task.customFields());
        Task otherAssignee = new Task(task.id(), task.tenantId(), task.version(), task.title(), task.description(),
                task.dueOn(), ALICE, task.status(), task.priority(), task.links(), task.createdAt(),
                task.updatedAt(), null, task.customFields());

        // Two refused fields change: the error names the first by name, whatever the set's order.
        assertRefused(() -> crm.tasks().update(done), "completedAt");
        assertRefused(() -> crm.tasks().update(otherAssignee), "assigneeId");
    }

    @Test
    void openTasksAreOrderedByDueDateWithUndatedOnesLast() {
        Task undated = task("undated");
        Task later = crm.tasks().create(NewTask.titled("later").assignee(BOB).dueOn(TODAY.plusDays(5)));
        Task sooner = crm.tasks().create(NewTask.titled("sooner").assignee(BOB).dueOn(TODAY.plusDays(1)));
        crm.tasks().complete(crm.tasks().create(NewTask.titled("done").assignee(BOB).dueOn(TODAY)).id());
        Task inProgress = crm.tasks().start(
                crm.tasks().create(NewTask.titled("busy").assignee(BOB).dueOn(TODAY.plusDays(2))).id());

        assertThat(crm.tasks().openTasks(BOB)).containsExactly(sooner, inProgress, later, undated);
    }

    @Test
    void aTaskIsOverdueOnlyOnceItsDueDayHasPassedByTheClock() {
        Task dueToday = crm.tasks().create(NewTask.titled("today").assignee(BOB).dueOn(TODAY));
        Task dueYesterday = crm.tasks().create(NewTask.titled("yesterday").assignee(BOB).dueOn(TODAY.minusDays(1)));
        crm.tasks().complete(crm.tasks().create(NewTask.titled("done late").assignee(BOB)
                .dueOn(TODAY.minusDays(3))).id());

        assertThat(crm.tasks().overdue(BOB)).containsExactly(dueYesterday);

        t.clock.set(TODAY.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        assertThat(crm.tasks().overdue(BOB)).containsExactly(dueYesterday, dueToday);
        assertThat(crm.tasks().overdue(ALICE)).isEmpty();
    }

    @Test
    void theTasksOfAContactOrOpportunityAreFoundInAnyStatus() {
        OpportunityId deal = t.opportunity();
        Task call = crm.tasks().create(NewTask.titled("call").assignee(BOB).contact(ada.id()));
        Task quote = crm.tasks().complete(crm.tasks().create(NewTask.titled("quote").assignee(BOB)
                .contact(ada.id()).opportunity(deal)).id());
        task("unrelated");

        assertThat(crm.tasks().tasksOf(ada.id())).containsExactly(call, quote);
        assertThat(crm.tasks().tasksOf(deal)).containsExactly(quote);
    }

    @Test
    void anotherTenantSeesNoneOfTheTasks() {
        Task task = crm.tasks().create(NewTask.titled("call").assignee(BOB).dueOn(TODAY.minusDays(1))
                .contact(ada.id()));
        Crm other = t.tenant("b");

        assertThat(other.tasks().find(task.id())).isEmpty();
        assertThat(other.tasks().openTasks(BOB)).isEmpty();
        assertThat(other.tasks().overdue(BOB)).isEmpty();
        assertThat(other.tasks().tasksOf(ada.id())).isEmpty();
        assertThat(crm.tasks().openTasks(BOB)).containsExactly(task);
    }

    @Test
    void aTaskNeverShowsItsTextInItsStringForm() {
        Task task = crm.tasks().create(NewTask.titled("Discuss divorce settlement").assignee(BOB));

        assertThat(task.toString()).doesNotContain("divorce");
        assertThat(NewTask.titled("Discuss divorce settlement").toString()).doesNotContain("divorce");
    }
}
