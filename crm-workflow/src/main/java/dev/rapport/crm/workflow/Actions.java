package dev.rapport.crm.workflow;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.directory.TeamId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.AccountUpdated;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.LeadUpdated;
import dev.rapport.crm.event.LifecycleChanged;
import dev.rapport.crm.event.OpportunityUpdated;
import dev.rapport.crm.event.SubscriptionUpdated;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.PostalAddress;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.revenue.SubscriptionId;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.service.TicketId;
import dev.rapport.crm.activity.NewTask;
import java.time.LocalDate;
import dev.rapport.crm.workflow.spi.ActionConfig;
import dev.rapport.crm.workflow.spi.ActionContext;
import dev.rapport.crm.workflow.spi.ActionStep;
import dev.rapport.crm.workflow.spi.ActionType;
import dev.rapport.crm.workflow.spi.Message;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Builds the built-in {@link Action actions}, and custom ones from an {@link ActionType} or a
 * Java {@link ActionStep}. Actions that change an entity work on the rule's subject (contact,
 * account, lead, opportunity, ticket or subscription, as each action's Javadoc says) and fail, to
 * be retried and dead-lettered, on a subject they do not apply to.
 *
 * <pre>{@code
 * Rule.named("welcome").when(Triggers.event(ContactCreated.class))
 *     .then(Actions.assignOwnerRoundRobin(List.of(alice, bob)),
 *           Actions.sendMessage("welcome"),
 *           Actions.waitFor(Duration.ofDays(3)),
 *           Actions.addTag("onboarded"))
 *     .build();
 * }</pre>
 */
public final class Actions {
    private static final Set<Class<? extends CrmEvent>> ENTITY_UPDATES = Set.of(ContactUpdated.class,
            AccountUpdated.class, LeadUpdated.class, OpportunityUpdated.class, SubscriptionUpdated.class);

    private Actions() {
    }

    /**
     * Adds a tag to the subject contact, account, lead or opportunity (tags double as static
     * segments).
     *
     * @param tag the tag
     * @return the action
     */
    public static Action addTag(String tag) {
        String t = nonBlank(tag, "tag");
        return Action.step("addTag", "add tag " + t, entityStep(ENTITY_UPDATES, context -> {
            Object entity = load(context, "addTag");
            Set<String> tags = tagsOf(entity);
            if (tags.contains(t)) {
                return "already tagged";
            }
            store(context, withTags(entity, plus(tags, t)));
            return "tagged";
        }));
    }

    /**
     * Sets a field of the subject (a custom field {@code custom.<key>}, a contact's {@code title}
     * or an account's {@code industry}), checked against the rule's schema when the rule is built.
     *
     * @param path the field path
     * @param value the value (of the field's type), or null to clear it
     * @return the action
     */
    public static Action setField(String path, @Nullable Object value) {
        String p = nonBlank(path, "field");
        return Action.unresolved("setField", "set " + p, (schema, kind, pointer) -> {
            FieldSpec spec = schema.field(kind, p).orElseThrow(() -> new RuleDefinitionException(pointer + "/field",
                    "unknown field '" + p + "' on " + kind.jsonName()));
            if (spec.writer() == null) {
                throw new RuleDefinitionException(pointer + "/field", "field '" + p + "' cannot be set by a rule");
            }
            Object canonical = value == null ? null : Conditions.coerce(spec, value, pointer + "/value");
            return Action.step("setField", "set " + p, entityStep(ENTITY_UPDATES, context -> {
                Object entity = load(context, "setField");
                if (EntityKind.of(subject(context)).orElse(null) != kind) {
                    throw new IllegalStateException("setField on a field of " + kind.jsonName()
                            + " needs a subject of that kind");
                }
                Object next = Objects.requireNonNull(spec.writer()).apply(entity, canonical);
                if (next.equals(entity)) {
                    return "already set";   // no write: the CRM would find nothing changed
                }
                store(context, next);
                return "set";
            }));
        });
    }

    /**
     * Moves the subject contact's lifecycle forward to at least {@code stage}
     * ({@code ContactService.promoteLifecycle}: never backwards).
     *
     * @param stage the stage
     * @return the action
     */
    public static Action setLifecycleStage(LifecycleStage stage) {
        Objects.requireNonNull(stage, "stage");
        return Action.step("setLifecycleStage", "promote lifecycle to " + stage,
                entityStep(Set.of(LifecycleChanged.class), context -> {
                    if (!(subject(context) instanceof ContactId id)) {
                        throw notAnEntity("setLifecycleStage");
                    }
                    Contact after = context.crm().contacts().promoteLifecycle(id, stage);
                    return after.lifecycleStage() == stage ? "at " + stage : "kept " + after.lifecycleStage();
                }));
    }

    /**
     * Sets the subject contact's lifecycle to {@code stage}, backwards included, recording the reason
     * ({@code ContactService.overrideLifecycle}).
     *
     * @param stage the stage
     * @param reason why the normal order is overridden
     * @return the action
     */
    public static Action overrideLifecycleStage(LifecycleStage stage, String reason) {
        Objects.requireNonNull(stage, "stage");
        String why = nonBlank(reason, "reason");
        return Action.step("overrideLifecycleStage", "override lifecycle to " + stage,
                entityStep(Set.of(LifecycleChanged.class), context -> {
                    if (!(subject(context) instanceof ContactId id)) {
                        throw notAnEntity("overrideLifecycleStage");
                    }
                    context.crm().contacts().overrideLifecycle(id, stage, why);
                    return "at " + stage;
                }));
    }

    /**
     * Sends a message by template name to the subject through the host's
     * {@link dev.rapport.crm.workflow.spi.MessageSender}.
     *
     * @param template the template name
     * @return the action
     */
    public static Action sendMessage(String template) {
        return sendMessage(template, Map.of());
    }

    /**
     * Sends a message with template parameters.
     *
     * @param template the template name
     * @param parameters the parameters
     * @return the action
     */
    public static Action sendMessage(String template, Map<String, String> parameters) {
        String t = nonBlank(template, "template");
        Map<String, String> params = Map.copyOf(parameters);
        return Action.step("sendMessage", "send " + t, context -> {
            context.messages().send(new Message(context.crm().tenant(), t, subject(context), params,
                    context.idempotencyKey()));
            return "sent " + t;
        });
    }

    /**
     * Assigns the subject (contact, account, lead, opportunity or ticket) to the next user of a
     * fixed list, in turn.
     * Users must be active in the CRM's directory.
     *
     * @param users the users, in order
     * @return the action
     */
    public static Action assignOwnerRoundRobin(List<UserId> users) {
        List<UserId> list = List.copyOf(users);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("round robin needs at least one user");
        }
        AtomicLong next = new AtomicLong();
        return Action.step("assignOwner", "assign owner round robin over " + list.size() + " users",
                entityStep(ENTITY_UPDATES, context -> {
                    UserId owner = list.get((int) Math.floorMod(next.getAndIncrement(), (long) list.size()));
                    setOwner(context, owner);
                    return "assigned " + owner.value();
                }));
    }

    /** The custom field (NUMBER) in which a contact's score is kept; the host defines it. */
    public static final String CONTACT_SCORE_FIELD = "lead_score";

    /** The tag a lead gets when its score reaches a rule's marketing-qualified threshold. */
    public static final String MQL_TAG = "marketing-qualified";

    /**
     * Adds points to the subject's score (negative points subtract; a score never goes below 0).
     * A lead's score is its {@code score}; a contact's is the NUMBER custom field
     * {@value #CONTACT_SCORE_FIELD}.
     *
     * @param points the points
     * @return the action
     */
    public static Action addScore(int points) {
        return score("add " + points + " to score", old -> old + points, null);
    }

    /**
     * Adds points to the subject's score and marks it marketing-qualified when the score goes from
     * below {@code mqlThreshold} to at least it: a contact is promoted to
     * {@link LifecycleStage#MARKETING_QUALIFIED}, a lead is tagged {@value #MQL_TAG}.
     *
     * @param points the points
     * @param mqlThreshold the marketing-qualified threshold
     * @return the action
     */
    public static Action addScore(int points, int mqlThreshold) {
        return score("add " + points + " to score (MQL at " + mqlThreshold + ")", old -> old + points,
                mqlThreshold);
    }

    /**
     * Decays the subject's score by a percentage, rounding down (run it from a schedule or an
     * inactivity trigger).
     *
     * @param percent the share to remove, 1 to 100
     * @return the action
     * @throws IllegalArgumentException if the percentage is out of range
     */
    public static Action decayScore(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("a decay is 1 to 100 percent");
        }
        return score("decay score by " + percent + "%", old -> old * (100 - percent) / 100, null);
    }

    private static Action score(String description, java.util.function.LongUnaryOperator next,
            @Nullable Integer threshold) {
        return Action.step("score", description, entityStep(Set.of(LeadUpdated.class, ContactUpdated.class,
                LifecycleChanged.class), context -> {
                    Object entity = load(context, "score");
                    int before;
                    if (entity instanceof Lead l) {
                        before = l.score();
                    } else if (entity instanceof Contact c) {
                        before = c.customFields().get(CONTACT_SCORE_FIELD)
                                .map(v -> ((Number) Objects.requireNonNull(Schema.canonical(v))).intValue()).orElse(0);
                    } else {
                        throw new IllegalStateException("score needs a lead or a contact as the subject");
                    }
                    int after = (int) Math.max(0, Math.min(Integer.MAX_VALUE, next.applyAsLong(before)));
                    boolean qualifies = threshold != null && before < threshold && after >= threshold;
                    if (entity instanceof Lead l) {
                        if (after != before) {
                            context.crm().leads().addScore(l.id(), after - before);
                        }
                        if (qualifies) {
                            Lead now = context.crm().leads().get(l.id());
                            context.crm().leads().update(now.withTags(plus(now.tags(), MQL_TAG)));
                        }
                    } else {
                        Contact c = (Contact) entity;
                        if (after != before) {
                            context.crm().contacts().update(c.withCustomFields(c.customFields()
                                    .with(CONTACT_SCORE_FIELD, dev.rapport.crm.field.FieldValue.number(after))));
                        }
                        if (qualifies) {
                            context.crm().contacts().promoteLifecycle(c.id(), LifecycleStage.MARKETING_QUALIFIED);
                        }
                    }
                    return "score " + before + " -> " + after + (qualifies ? ", marketing-qualified" : "");
                }));
    }

    /**
     * Assigns the subject to the next active member of a directory team, in turn
     * ({@code crm.assignment().roundRobin(team)}); fails, to be retried, while the team has no
     * active member.
     *
     * @param team the team
     * @return the action
     */
    public static Action assignOwnerRoundRobin(TeamId team) {
        Objects.requireNonNull(team, "team");
        return assign("round robin over team " + team.value(), context -> context.crm().assignment().roundRobin(team));
    }

    /**
     * Assigns the subject to the owner of the territory covering its address: a contact's or
     * account's own address, else (for a contact or an opportunity) its account's.
     *
     * @return the action
     */
    public static Action assignOwnerByTerritory() {
        return assign("territory owner", context -> {
            PostalAddress address = addressOf(context, load(context, "assignOwner"));
            return address == null ? Optional.empty()
                    : context.crm().assignment().territoryOwner(address.country(), address.region());
        });
    }

    /**
     * Assigns the subject to the active team member with the least open work, optionally only
     * among members with all the given skills (skill-based routing). Open work is the number of
     * open opportunities a user owns, open tickets assigned and open tasks; users at their
     * {@code maxOpenWork} are skipped.
     *
     * @param team the team
     * @param skills the skills required (empty: any member)
     * @return the action
     */
    public static Action assignOwnerLeastLoaded(TeamId team, Set<String> skills) {
        Objects.requireNonNull(team, "team");
        Set<String> required = Set.copyOf(skills);
        return assign("least loaded in team " + team.value() + (required.isEmpty() ? "" : " with " + required),
                context -> context.crm().assignment().leastLoaded(team, required, user -> openWork(context, user)));
    }

    /** A user's open work: open opportunities owned, open tickets assigned and open tasks. */
    static int openWork(ActionContext context, UserId user) {
        long deals = context.crm().opportunities().findByOwner(user).stream()
                .filter(o -> o.status() == dev.rapport.crm.sales.OpportunityStatus.OPEN).count();
        return (int) (deals + context.crm().tickets().openByAssignee(user).size()
                + context.crm().tasks().openTasks(user).size());
    }

    private static Action assign(String description, java.util.function.Function<ActionContext, Optional<UserId>> pick) {
        return Action.step("assignOwner", "assign owner: " + description, entityStep(ENTITY_UPDATES, context -> {
            UserId owner = pick.apply(context).orElseThrow(() -> new IllegalStateException(
                    "no active user to assign (" + description + ")"));
            setOwner(context, owner);
            return "assigned " + owner.value();
        }));
    }

    private static @Nullable PostalAddress addressOf(ActionContext context, Object entity) {
        AccountId account = null;
        if (entity instanceof Contact c) {
            if (c.address() != null) {
                return c.address();
            }
            account = c.accountId();
        } else if (entity instanceof Account a) {
            return a.address();
        } else if (entity instanceof Opportunity o) {
            account = o.accountId();
        } else if (entity instanceof Lead l) {
            return l.country() == null ? null : PostalAddress.country(l.country());
        } else if (entity instanceof Ticket t) {
            if (t.contactId() != null) {
                Contact c = context.crm().contacts().find(t.contactId()).orElse(null);
                if (c != null && c.address() != null) {
                    return c.address();
                }
            }
            account = t.accountId();
        }
        return account == null ? null : context.crm().accounts().find(account).map(Account::address).orElse(null);
    }

    /**
     * Creates a task about the subject (linked to it when it is a contact, account, opportunity or
     * ticket), due a number of days after today (UTC), for the subject's owner (assign one first).
     *
     * @param title the task title
     * @param dueInDays days from today until it is due (0: today)
     * @return the action
     * @throws IllegalArgumentException if the title is blank or the days negative
     */
    public static Action createTask(String title, int dueInDays) {
        return createTask(title, dueInDays, null);
    }

    /**
     * Creates a task about the subject for a given user.
     *
     * @param title the task title
     * @param dueInDays days from today until it is due (0: today)
     * @param assignee the user, or null for the subject's owner
     * @return the action
     * @throws IllegalArgumentException if the title is blank or the days negative
     */
    public static Action createTask(String title, int dueInDays, @Nullable UserId assignee) {
        String t = nonBlank(title, "title");
        if (dueInDays < 0) {
            throw new IllegalArgumentException("dueInDays must not be negative");
        }
        return Action.step("createTask", "create task due in " + dueInDays + " days",
                entityStep(Set.of(dev.rapport.crm.event.TaskCreated.class), context -> {
                    Object entity = load(context, "createTask");
                    UserId who = assignee != null ? assignee : ownerOf(entity);
                    if (who == null) {
                        throw new IllegalStateException("createTask needs an assignee or a subject with an owner");
                    }
                    NewTask task = NewTask.titled(t).assignee(who)
                            .dueOn(LocalDate.ofInstant(context.now(), java.time.ZoneOffset.UTC).plusDays(dueInDays));
                    EntityId subject = subject(context);
                    if (subject instanceof ContactId id) {
                        task = task.contact(id);
                    } else if (subject instanceof AccountId id) {
                        task = task.account(id);
                    } else if (subject instanceof OpportunityId id) {
                        task = task.opportunity(id);
                    } else if (subject instanceof TicketId id) {
                        task = task.ticket(id);
                    }
                    return "created " + context.crm().tasks().create(task).id().value();
                }));
    }

    private static @Nullable UserId ownerOf(Object entity) {
        if (entity instanceof Contact c) {
            return c.ownerId();
        } else if (entity instanceof Account a) {
            return a.ownerId();
        } else if (entity instanceof Lead l) {
            return l.ownerId();
        } else if (entity instanceof Opportunity o) {
            return o.ownerId();
        } else if (entity instanceof Ticket t) {
            return t.assigneeId();
        }
        return null;
    }

    /**
     * Waits for a duration, then continues with the next step (a durable timer).
     *
     * @param duration how long
     * @return the action
     * @throws IllegalArgumentException if the duration is not positive
     */
    public static Action waitFor(Duration duration) {
        Duration d = Action.positive(Objects.requireNonNull(duration, "duration"));
        return Action.waiting("wait " + d, now -> now.plus(d));
    }

    /**
     * Waits until a date and time in a zone (continues at once if it has passed).
     *
     * @param at the local date and time
     * @param zone the zone
     * @return the action
     */
    public static Action waitUntil(LocalDateTime at, ZoneId zone) {
        java.time.Instant when = at.atZone(Objects.requireNonNull(zone, "zone")).toInstant();
        return Action.waiting("wait until " + at + " " + zone, now -> when);
    }

    /**
     * A custom action from an installed action type.
     *
     * @param type the action type
     * @param config its configuration
     * @return the action
     * @throws dev.rapport.crm.workflow.spi.ActionConfigException if the configuration is wrong
     */
    public static Action custom(ActionType type, ActionConfig config) {
        return Action.step(type.name(), type.name(), Objects.requireNonNull(type.create(config), "step"));
    }

    /**
     * A custom action written in Java.
     *
     * @param name a name for traces
     * @param step the step
     * @return the action
     */
    public static Action of(String name, ActionStep step) {
        return Action.step(nonBlank(name, "name"), name, step);
    }

    static Object load(ActionContext context, String action) {
        EntityId subject = subject(context);
        if (subject instanceof ContactId id) {
            return context.crm().contacts().get(id);
        } else if (subject instanceof AccountId id) {
            return context.crm().accounts().get(id);
        } else if (subject instanceof LeadId id) {
            return context.crm().leads().get(id);
        } else if (subject instanceof OpportunityId id) {
            return context.crm().opportunities().get(id);
        } else if (subject instanceof SubscriptionId id) {
            return context.crm().subscriptions().get(id);
        } else if (subject instanceof TicketId id) {
            return context.crm().tickets().get(id);
        }
        throw notAnEntity(action);
    }

    static void store(ActionContext context, Object entity) {
        if (entity instanceof Contact c) {
            context.crm().contacts().update(c);
        } else if (entity instanceof Account a) {
            context.crm().accounts().update(a);
        } else if (entity instanceof Opportunity o) {
            context.crm().opportunities().update(o);
        } else if (entity instanceof Lead l) {
            context.crm().leads().update(l);
        } else if (entity instanceof Ticket t) {
            context.crm().tickets().update(t);
        } else {
            context.crm().subscriptions().update((Subscription) entity);
        }
    }

    private static Set<String> tagsOf(Object entity) {
        if (entity instanceof Contact c) {
            return c.tags();
        } else if (entity instanceof Account a) {
            return a.tags();
        } else if (entity instanceof Opportunity o) {
            return o.tags();
        } else if (entity instanceof Lead l) {
            return l.tags();
        }
        throw new IllegalStateException("addTag needs a contact, an account or an opportunity as the subject");
    }

    private static Object withTags(Object entity, Set<String> tags) {
        if (entity instanceof Contact c) {
            return c.withTags(tags);
        } else if (entity instanceof Account a) {
            return a.withTags(tags);
        } else if (entity instanceof Lead l) {
            return l.withTags(tags);
        }
        return ((Opportunity) entity).withTags(tags);
    }

    /** Gives the subject an owner; a ticket's assignee changes only through assign. */
    static void setOwner(ActionContext context, UserId owner) {
        if (context.subject().orElse(null) instanceof TicketId id) {
            context.crm().tickets().assign(id, owner);
        } else {
            store(context, withOwner(load(context, "assignOwner"), owner));
        }
    }

    static Object withOwner(Object entity, UserId owner) {
        if (entity instanceof Contact c) {
            return c.withOwner(owner);
        } else if (entity instanceof Account a) {
            return a.withOwner(owner);
        } else if (entity instanceof Opportunity o) {
            return o.withOwner(owner);
        } else if (entity instanceof Lead l) {
            return l.withOwner(owner);
        }
        throw new IllegalStateException("assignOwner needs a contact, an account or an opportunity as the subject");
    }

    private static ActionStep entityStep(Set<Class<? extends CrmEvent>> emits, ActionStep body) {
        return new ActionStep() {
            @Override
            public String run(ActionContext context) throws Exception {
                return body.run(context);
            }

            @Override
            public Set<Class<? extends CrmEvent>> emits() {
                return emits;
            }
        };
    }

    private static EntityId subject(ActionContext context) {
        return context.subject().orElseThrow(() -> new IllegalStateException("the rule has no subject entity"));
    }

    private static IllegalStateException notAnEntity(String action) {
        return new IllegalStateException(action + " needs a contact, account, opportunity or subscription as the subject");
    }

    private static Set<String> plus(Set<String> tags, String tag) {
        Set<String> next = new TreeSet<>(tags);
        next.add(tag);
        return next;
    }

    private static String nonBlank(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
