package dev.rapport.crm.benchmarks.identity;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.identity.DuplicateScan;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.lifecycle.LifecycleTransition;
import dev.rapport.crm.memory.InMemoryStore;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.ExternalIds;
import dev.rapport.crm.party.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Identity at scale: a scan for duplicates among a million contacts with the default match rules
 * (blocking on the values the rules compare, then pairwise within blocks), and the in-memory
 * store's look-ups by id and by e-mail address among them. One contact in 50 is a second record of
 * an earlier person: the same phone number and a plus-addressed variant of the same address.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar IdentityBenchmark -f 1 -wi 1 -i 3 -w 1s -r 1s -jvmArgsAppend -Xmx6g
 * }</pre>
 */
@State(Scope.Benchmark)
public class IdentityBenchmark {
  /** Contacts stored. */
  @Param({"100000", "1000000"})
  public int contacts;

  /** Every this many contacts, one is a duplicate of the contact before it. */
  static final int DUPLICATE_EVERY = 50;

  private static final int PROBES = 1 << 16;

  private InMemoryStore store;
  private Crm crm;
  private ContactId[] ids;
  private EmailAddress[] emails;
  private int next;

  /**
   * Fills the in-memory store directly, in transactions of 10,000 contacts (the contact service
   * would also validate, audit and publish an event per contact, which is not what is measured
   * here), and checks the scan finds the planted duplicates.
   */
  @Setup
  public void setUp() {
    store = new InMemoryStore();
    crm = Crm.builder()
        .store(store)
        .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
        .build();
    ids = new ContactId[PROBES];
    emails = new EmailAddress[PROBES];
    int stride = Math.max(1, contacts / PROBES);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    List<LifecycleTransition> history =
        List.of(new LifecycleTransition(null, LifecycleStage.LEAD, now, Actor.SYSTEM, false, null));
    int batch = 10_000;
    for (int from = 0; from < contacts; from += batch) {
      int start = from;
      int end = Math.min(contacts, from + batch);
      store.write(TenantId.DEFAULT, tx -> {
        for (int i = start; i < end; i++) {
          boolean duplicate = i % DUPLICATE_EVERY == DUPLICATE_EVERY - 1;
          int person = duplicate ? i - 1 : i;
          String email = "p" + person + (duplicate ? "+shop" : "") + "@example" + (person % 97) + ".test";
          Contact contact = new Contact(ContactId.of(String.format("c%09d", i)), TenantId.DEFAULT, 1,
              "First" + person, "Last" + person, List.of(EmailAddress.of(email)),
              List.of(PhoneNumber.of(String.format("+4930%09d", person))), null, null, null, null,
              LifecycleStage.LEAD, history, null, Set.of(), CustomFields.empty(), ExternalIds.none(), now, now);
          tx.contacts().insert(contact);
          int probe = i / stride;
          if (i % stride == 0 && probe < PROBES) {
            ids[probe] = contact.id();
            emails[probe] = contact.primaryEmail().orElseThrow();
          }
        }
        return null;
      });
    }
    // Every planted duplicate is found through the indexes; a full scan as well when it is short.
    for (int i = DUPLICATE_EVERY - 1; i < contacts; i += contacts / 20) {
      ContactId twin = ContactId.of(String.format("c%09d", i - 1));
      if (crm.duplicates().candidates(ContactId.of(String.format("c%09d", i))).stream()
          .noneMatch(c -> c.id().equals(twin))) {
        throw new IllegalStateException("the duplicate of " + twin + " is not a candidate");
      }
    }
    if (contacts <= 100_000) {
      long expected = contacts / DUPLICATE_EVERY;
      DuplicateScan<ContactId> scan = scanContacts();
      if (scan.pairs().size() != expected) {
        throw new IllegalStateException("expected " + expected + " duplicate pairs, found " + scan.pairs().size());
      }
    }
  }

  /**
   * Finds every duplicate pair among the stored contacts. (Scanning reads the tenant page by page;
   * the in-memory store walks its rows from the start for every page, so this grows with the
   * square of the contacts: see docs/performance.md.)
   *
   * @return the scan
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public DuplicateScan<ContactId> scanContacts() {
    return crm.duplicates().scanContacts();
  }

  /**
   * Reads a contact by id from the in-memory store.
   *
   * @return the contact
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Optional<Contact> storeFindById() {
    ContactId id = ids[next++ & (PROBES - 1)];
    return store.read(TenantId.DEFAULT, tx -> tx.contacts().find(id));
  }

  /**
   * Reads a contact by e-mail address from the in-memory store.
   *
   * @return the contact
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Optional<Contact> storeFindByEmail() {
    EmailAddress email = emails[next++ & (PROBES - 1)];
    return store.read(TenantId.DEFAULT, tx -> tx.contacts().findByEmail(email));
  }

  /**
   * Reads a contact by e-mail address through the contact service (normalizing the text address
   * and applying the access policy), as a host calls it.
   *
   * @return the contact
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Optional<Contact> serviceFindByEmail() {
    return crm.contacts().findByEmail(emails[next++ & (PROBES - 1)].value());
  }
}
