/**
 * The timeline and tasks.
 *
 * <p>An {@link dev.rapport.crm.activity.Activity} records one interaction (an e-mail, a call, a
 * meeting, a note, a web visit, a purchase, ...) with its channel, direction, time, actor and
 * links to a contact, account, opportunity and/or ticket; it is immutable once logged except for
 * correcting its subject and body. {@link dev.rapport.crm.activity.ActivityService} reads the
 * timeline of any linked record newest first, paged, from an index by link.
 *
 * <p>A {@link dev.rapport.crm.activity.Task} is something a user has to do by a calendar date;
 * {@link dev.rapport.crm.activity.TaskService} moves it through
 * {@link dev.rapport.crm.activity.TaskStatus} and finds the open and overdue tasks of a user.
 *
 * <pre>{@code
 * crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE).contact(ada.id()));
 * crm.tasks().create(NewTask.titled("Send the quote").assignee(bob).dueOn(friday).contact(ada.id()));
 * Page<Activity> latest = crm.activities().timeline(ada.id(), PageRequest.first(20));
 * }</pre>
 */
@NullMarked
package dev.rapport.crm.activity;

import org.jspecify.annotations.NullMarked;
