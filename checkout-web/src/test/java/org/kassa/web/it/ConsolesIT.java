package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The consoles behind form login: who sees what, and what they see. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsolesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return KassaDeployment.war();
  }

  @ArquillianResource private URL base;

  private URI uri(String path) {
    return URI.create(base.toString()).resolve(path);
  }

  private String paidPaymentId() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(4200, "EUR", "en");
    PageClient shopper = new PageClient("en");
    URI page = URI.create(session.getString("url"));
    shopper.submit(
        page,
        shopper.get(page),
        "pay",
        MerchantApiIT.HostedPageForms.card("5555555555554444", "321"));
    return api.get("api/v1/checkout-sessions/" + session.getString("id"))
        .json()
        .getString("payment_id");
  }

  @Test
  void aLargeRefundWaitsForASecondMerchantAdmin() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    String paymentId =
        api.post(
                "api/v1/payments",
                "{\"amount\":250000,\"currency\":\"EUR\",\"payment_method\":\"pm_card_visa\"}",
                null)
            .json()
            .getString("id");
    URI detail = uri("console/payment?id=" + paymentId);

    PageClient requester = new PageClient("en");
    requester.login(uri(""), KassaDeployment.DEMO_MERCHANT_USER, KassaDeployment.DEMO_PASSWORD);
    PageClient.Page page = requester.get(detail);
    assertThat(page.document().select("#detail-gateway").text()).isEqualTo("sandbox");
    assertThat(page.document().select("#timeline").text())
        .contains("payment.processing")
        .contains("payment.captured");
    PageClient.Page asked =
        requester.submit(
            action(page, "refund-form"),
            page,
            "refund-form",
            java.util.Map.of("refund-form:refund-amount", "", "refund-form:refund-button", "x"));
    assertThat(asked.document().select("#refund-form\\:messages").text())
        .contains("needs a second merchant admin");
    assertThat(asked.document().select(".refund-status").eachText())
        .containsExactly("requires_approval");
    assertThat(asked.document().select("input[value=Approve]")).isEmpty();
    assertThat(api.get("api/v1/payments/" + paymentId).json().getString("status"))
        .isEqualTo("captured");

    PageClient approver = new PageClient("en");
    approver.login(uri(""), "approver@kassa.test", KassaDeployment.DEMO_PASSWORD);
    PageClient.Page review = approver.get(detail);
    String approve = review.document().select("input[value=Approve]").attr("name");
    assertThat(approve).isNotEmpty();
    PageClient.Page approved =
        approver.submit(
            action(review, "refund-form"),
            review,
            "refund-form",
            java.util.Map.of(approve, "Approve"));
    assertThat(approved.document().select(".refund-status").eachText())
        .containsExactly("succeeded");
    assertThat(api.get("api/v1/payments/" + paymentId).json().getString("status"))
        .isEqualTo("refunded");
  }

  @Test
  void aShopperOnAListWaitsForTheirFullKycAndAnOfficerRejectsItInTheConsole() {
    String passport =
        String.valueOf(
            100_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(899_999_999));
    String list = "kyc-console-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    ApiClient compliance =
        new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
    assertThat(
            compliance
                .put(
                    "api/v1/screening/lists/" + list,
                    "name,aliases,type,country,identifiers\nPercival Drummond-Oakes,,person,GB,passport:"
                        + passport
                        + "\n",
                    "text/csv")
                .status())
        .isEqualTo(200);
    // 10 000 kr: the failsafe run asks for FULL KYC from there.
    String email =
        "kyc-console-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session =
        api.post(
                "api/v1/checkout-sessions",
                ApiClient.sessionJson(1_000_000, "SEK", "en").replace("ann@example.com", email),
                null)
            .json();
    PageClient shopper = new PageClient("en");
    URI page = URI.create(session.getString("url"));
    PageClient.Page identityStep = shopper.get(page);
    assertThat(identityStep.document().select("#kyc-document")).isNotEmpty(); // FULL: a document
    PageClient.Page waiting =
        shopper.submit(
            page,
            identityStep,
            "kyc",
            java.util.Map.ofEntries(
                java.util.Map.entry("kyc-email", email),
                java.util.Map.entry("kyc-name", "Percival Drummond-Oakes"),
                java.util.Map.entry("kyc-birth", "1958-07-14"),
                java.util.Map.entry("kyc-line", "4 Mill Lane"),
                java.util.Map.entry("kyc-postal", "OX1 2JD"),
                java.util.Map.entry("kyc-city", "Oxford"),
                java.util.Map.entry("kyc-country", "GB"),
                java.util.Map.entry("kyc-doc-type", "passport"),
                java.util.Map.entry("kyc-doc-number", passport),
                java.util.Map.entry("kyc-doc-country", "GB"),
                java.util.Map.entry(
                    "kyc-doc-expiry", java.time.LocalDate.now().plusYears(4).toString()),
                java.util.Map.entry("kyc-button", "x")));
    assertThat(waiting.document().select("#kyc-pending h1").text())
        .isEqualTo("We are checking your details");
    assertThat(shopper.get(page).document().select("#kyc-pending"))
        .as("on a reload too")
        .isNotEmpty();
    assertThat(waiting.body()).doesNotContain("cardnumber");

    PageClient officer = new PageClient("en");
    officer.login(uri(""), KassaDeployment.DEMO_OFFICER_USER, KassaDeployment.DEMO_PASSWORD);
    PageClient.Page queue = officer.get(uri("compliance/kyc"));
    assertThat(queue.status()).isEqualTo(200);
    org.jsoup.nodes.Element row =
        queue.document().select("tr:has(td:containsOwn(Percival Drummond-Oakes))").first();
    assertThat(row).isNotNull();
    assertThat(row.select(".kyc-reasons").text()).contains("list=internal-" + list);
    String subject = row.select(".kyc-subject").text();
    PageClient.Page rejected =
        officer.submit(
            action(queue, "kyc-reviews"),
            queue,
            "kyc-reviews",
            java.util.Map.of(row.select("input.reject").attr("name"), "x"));
    assertThat(rejected.document().select("#kyc-reviews\\:messages").text())
        .contains("KYC of " + subject + " rejected");
    assertThat(rejected.document().select(".kyc-subject").eachText()).doesNotContain(subject);
    JsonObject listed =
        compliance
            .get("api/v1/compliance/kyc?status=rejected&limit=200")
            .json()
            .getJsonArray("data")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(p -> p.getString("subject").equals(subject))
            .findFirst()
            .orElseThrow();
    assertThat(listed.getString("reviewed_by")).isEqualTo(KassaDeployment.DEMO_OFFICER_USER);
    assertThat(listed.getString("verified_tier")).isEqualTo("none");
    assertThat(shopper.get(page).document().select("#kyc-rejected h1").text())
        .isEqualTo("We could not confirm your identity");
  }

  /** The whitelist page's create form, for an entry of the test's internal list. */
  private static java.util.Map<String, String> whitelistForm(
      String subject, String entry, String reason, String expires) {
    return java.util.Map.of(
        "whitelist:subject", subject,
        "whitelist:list", "internal-whitelist-page-test",
        "whitelist:entry", entry,
        "whitelist:reason", reason,
        "whitelist:expires", expires,
        "whitelist:create", "x");
  }

  /** The id (e.g. {@code dsr_...}) a form's confirmation message names. */
  private static String idInMessages(PageClient.Page page, String formId, String prefix) {
    java.util.regex.Matcher id =
        java.util.regex.Pattern.compile(prefix + "[A-Za-z0-9]+")
            .matcher(page.document().select("#" + formId + "\\:messages").text());
    assertThat(id.find()).as(page.document().text()).isTrue();
    return id.group();
  }

  private URI action(PageClient.Page page, String formId) {
    return uri("").resolve(page.document().select("form#" + formId).attr("action"));
  }

  @Test
  void aPayerNearASanctionsListIsHeldAndTwoOfficersMustClearIt() {
    ApiClient compliance =
        new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
    assertThat(
            compliance
                .put(
                    "api/v1/screening/lists/review-test",
                    "name,aliases,type,country,identifiers\nZebulon Quarrington,,person,,\n",
                    "text/csv")
                .status())
        .isEqualTo(200);
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(5300, "EUR", "en");
    PageClient shopper = new PageClient("en");
    URI page = URI.create(session.getString("url"));
    java.util.Map<String, String> form =
        new java.util.HashMap<>(MerchantApiIT.HostedPageForms.card("4242424242424242", "123"));
    form.put("cardholder", "Zebulom Quarinton"); // close to the listed name, not the same
    shopper.submit(page, shopper.get(page), "pay", form);
    String paymentId =
        api.get("api/v1/checkout-sessions/" + session.getString("id"))
            .json()
            .getString("payment_id");
    JsonObject held = api.get("api/v1/payments/" + paymentId).json();
    assertThat(held.getString("status")).isEqualTo("authorized");
    String caseId = held.getString("review_case");

    PageClient first = new PageClient("en");
    first.login(uri(""), KassaDeployment.DEMO_OFFICER_USER, KassaDeployment.DEMO_PASSWORD);
    PageClient.Page queue = first.get(uri("compliance/cases"));
    assertThat(queue.status()).isEqualTo(200);
    org.jsoup.nodes.Element row =
        queue.document().select("tr:has(.case-id:containsOwn(" + caseId + "))").first();
    assertThat(row).isNotNull();
    assertThat(row.select(".case-reasons").text())
        .contains("sanctions_hit list=internal-review-test");
    assertThat(row.select(".case-four-eyes").text()).contains("two officers");
    PageClient.Page once =
        first.submit(
            action(queue, "cases"),
            queue,
            "cases",
            java.util.Map.of(row.select("input.clear").attr("name"), "x"));
    assertThat(once.document().select("#cases\\:messages").text()).contains("a second officer");
    org.jsoup.nodes.Element after =
        once.document().select("tr:has(.case-id:containsOwn(" + caseId + "))").first();
    assertThat(after.select("input.clear")).as("the first officer cannot clear twice").isEmpty();
    assertThat(api.get("api/v1/payments/" + paymentId).json().getString("status"))
        .isEqualTo("authorized");

    PageClient second = new PageClient("en");
    second.login(uri(""), "officer2@kassa.test", KassaDeployment.DEMO_PASSWORD);
    PageClient.Page review = second.get(uri("compliance/cases"));
    org.jsoup.nodes.Element pending =
        review.document().select("tr:has(.case-id:containsOwn(" + caseId + "))").first();
    PageClient.Page cleared =
        second.submit(
            action(review, "cases"),
            review,
            "cases",
            java.util.Map.of(pending.select("input.clear").attr("name"), "x"));
    assertThat(cleared.document().select(".case-id").eachText()).doesNotContain(caseId);
    assertThat(api.get("api/v1/payments/" + paymentId).json().getString("status"))
        .isEqualTo("captured");
  }

  @Test
  void anonymousVisitorsAreSentToTheLoginPage() {
    PageClient anonymous = new PageClient("en");
    PageClient.Page console = anonymous.get(uri("console/payments"));
    PageClient.Page compliance = anonymous.get(uri("compliance/audit"));

    assertThat(console.status()).isEqualTo(302);
    assertThat(console.location()).contains("/login");
    assertThat(compliance.status()).isEqualTo(302);
    assertThat(compliance.location()).contains("/login");
  }

  @Test
  void aWrongPasswordStaysOnTheLoginPageWithAMessage() {
    PageClient.Page page =
        new PageClient("en").login(uri(""), KassaDeployment.DEMO_MERCHANT_USER, "wrong-password");
    assertThat(page.document().select("ul.errors").text()).contains("not correct");
  }

  @Test
  void aMerchantAdminSeesTheirPaymentsButNotTheAuditTrail() {
    String paymentId = paidPaymentId();
    PageClient admin = new PageClient("en");

    PageClient.Page landing =
        admin.login(uri(""), KassaDeployment.DEMO_MERCHANT_USER, KassaDeployment.DEMO_PASSWORD);
    PageClient.Page payments = admin.get(uri("console/payments"));

    assertThat(landing.document().select("h1").text()).isEqualTo("Dashboard");
    assertThat(payments.status()).isEqualTo(200);
    assertThat(payments.document().select(".payment-id").eachText()).contains(paymentId);
    assertThat(payments.document().text()).contains("Mastercard ···· 4444");
    assertThat(admin.get(uri("compliance/audit")).status()).isEqualTo(403);
    PageClient.Page webhooks = admin.get(uri("console/webhooks"));
    assertThat(webhooks.status()).isEqualTo(200);
    assertThat(webhooks.document().select(".event-type").eachText()).contains("payment.captured");
  }

  @Test
  void aComplianceOfficerSeesTheVerifiedTrailButNotThePayments() {
    String paymentId = paidPaymentId();
    PageClient officer = new PageClient("en");

    PageClient.Page audit =
        officer.login(uri(""), KassaDeployment.DEMO_OFFICER_USER, KassaDeployment.DEMO_PASSWORD);

    assertThat(audit.status()).isEqualTo(200);
    assertThat(audit.document().select("#chain-status").text()).contains("Hash chain verified");
    assertThat(audit.document().select(".audit-action").eachText()).contains("payment.captured");
    assertThat(audit.document().text()).contains(paymentId);
    String key = audit.document().select("#verify-key").text();
    assertThat(key).isEqualTo(org.kassa.compliance.audit.AuditCheckpoints.DEMO_VERIFY_KEY);

    PageClient.Page export =
        officer.submit(
            uri("").resolve(audit.document().select("form#audit").attr("action")),
            audit,
            "audit",
            java.util.Map.of("audit:export", "x"));
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Disposition")).contains("kassa-audit-export.tsv");
    var verified = org.kassa.compliance.audit.ExportVerifier.verify(export.body(), key);
    assertThat(verified.valid()).as(String.valueOf(verified.problem())).isTrue();
    assertThat(export.body()).contains(paymentId);
    assertThat(officer.get(uri("compliance/audit")).document().select("#checkpoint-status").text())
        .startsWith("Signed up to event");

    PageClient.Page forbidden = officer.get(uri("console/payments"));
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.document().select("#error-heading").text()).isEqualTo("Access denied");
  }

  @Test
  void aShoppersConsentIsInTheLedgerAndAnOfficerAnswersTheirAccessRequest() {
    String email = "rosa." + System.nanoTime() + "@example.org";
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(1900, "EUR", "de");
    PageClient shopper = new PageClient("de");
    URI page = URI.create(session.getString("url"));
    PageClient.Page form = shopper.get(page);
    org.jsoup.nodes.Element marketing =
        form.document().select("input[data-purpose=marketing]").first();
    assertThat(marketing).as("an optional purpose is offered").isNotNull();
    assertThat(marketing.hasAttr("checked")).as("and not ticked").isFalse();
    assertThat(form.document().select(".consent-terms").text()).contains("Verkaufsbedingungen");
    java.util.Map<String, String> fields =
        new java.util.HashMap<>(MerchantApiIT.HostedPageForms.card("4242424242424242", "123"));
    fields.put("email", email);
    fields.put(marketing.attr("name"), "on");
    PageClient.Page result = shopper.submit(page, form, "pay", fields);
    org.jsoup.nodes.Element withdraw =
        result.document().select("#consents-given input[data-purpose=marketing]").first();
    assertThat(withdraw).as("the result page offers to withdraw what was granted").isNotNull();

    PageClient officer = new PageClient("en");
    officer.login(uri(""), KassaDeployment.DEMO_OFFICER_USER, KassaDeployment.DEMO_PASSWORD);
    PageClient.Page privacy = officer.get(uri("compliance/privacy"));
    assertThat(privacy.status()).isEqualTo(200);
    PageClient.Page lookedUp =
        officer.submit(
            action(privacy, "consents"),
            privacy,
            "consents",
            java.util.Map.of("consents:consent-email", email, "consents:look-up", "x"));
    assertThat(lookedUp.document().select(".consent-purpose").eachText())
        .contains("terms", "marketing");
    assertThat(lookedUp.document().select("#consents\\:consent-table").text())
        .contains("Schicken Sie mir");

    PageClient.Page received =
        officer.submit(
            action(lookedUp, "privacy"),
            lookedUp,
            "privacy",
            java.util.Map.of(
                "privacy:kind", "ACCESS",
                "privacy:identifier-kind", "EMAIL",
                "privacy:identifier", email,
                "privacy:receive", "x"));
    String requestId = idInMessages(received, "privacy", "dsr_");
    org.jsoup.nodes.Element row =
        received.document().select("tr:has(.request-id:containsOwn(" + requestId + "))").first();
    assertThat(row.select(".request-status").text()).isEqualTo("received");
    assertThat(row.select("input.export")).as("no export before verification").isEmpty();
    PageClient.Page verified =
        officer.submit(
            action(received, "requests"),
            received,
            "requests",
            java.util.Map.of(
                "requests:note",
                "reply from the address on file",
                row.select("input.verify").attr("name"),
                "x"));
    org.jsoup.nodes.Element ready =
        verified.document().select("tr:has(.request-id:containsOwn(" + requestId + "))").first();
    assertThat(ready.select(".request-status").text()).isEqualTo("identity_verified");
    PageClient.Page export =
        officer.submit(
            action(verified, "requests"),
            verified,
            "requests",
            java.util.Map.of(ready.select("input.export").attr("name"), "x"));
    assertThat(export.header("Content-Disposition"))
        .as("%s %s", export.status(), export.body())
        .contains(".json");
    assertThat(export.body()).contains(email).contains("\"marketing\"");
  }

  /** A payment held for a sanctions hit: its case, payment and the customer's email. */
  private record Held(String caseId, String paymentId, String email) {}

  /**
   * Lists {@code listedName} on the internal watchlist {@code list} and has a customer of its own
   * ({@code email}) pay as {@code payerName}: the gate holds the payment in the customer's case.
   * The names must score between the review (0.85) and block (0.95) thresholds.
   */
  private Held heldBySanctionsHit(String list, String listedName, String payerName, String email) {
    ApiClient compliance =
        new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
    assertThat(
            compliance
                .put(
                    "api/v1/screening/lists/" + list,
                    "name,aliases,type,country,identifiers\n" + listedName + ",,person,,\n",
                    "text/csv")
                .status())
        .isEqualTo(200);
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(6100, "EUR", "en");
    PageClient shopper = new PageClient("en");
    URI page = URI.create(session.getString("url"));
    java.util.Map<String, String> form =
        new java.util.HashMap<>(MerchantApiIT.HostedPageForms.card("4242424242424242", "123"));
    form.put("cardholder", payerName);
    form.put("email", email);
    shopper.submit(page, shopper.get(page), "pay", form);
    String paymentId =
        api.get("api/v1/checkout-sessions/" + session.getString("id"))
            .json()
            .getString("payment_id");
    JsonObject held = api.get("api/v1/payments/" + paymentId).json();
    assertThat(held.getString("status")).as(held.toString()).isEqualTo("authorized");
    return new Held(held.getString("review_case"), paymentId, email);
  }

  private static org.jsoup.nodes.Element rowOf(PageClient.Page page, String caseId) {
    return page.document().select("tr:has(.case-id:containsOwn(" + caseId + "))").first();
  }

  /** Opens a case below the queue. */
  private PageClient.Page openCase(PageClient officer, PageClient.Page queue, String caseId) {
    org.jsoup.nodes.Element row = rowOf(queue, caseId);
    assertThat(row).as("case %s in the queue", caseId).isNotNull();
    PageClient.Page opened =
        officer.submit(
            action(queue, "cases"),
            queue,
            "cases",
            java.util.Map.of(row.select("input.open-case").attr("name"), "x"));
    assertThat(opened.document().select("form#case")).as(opened.document().text()).isNotEmpty();
    return opened;
  }

  private PageClient.Page submitCase(
      PageClient officer, PageClient.Page page, java.util.Map<String, String> fields) {
    return officer.submit(action(page, "case"), page, "case", fields);
  }

  @Test
  void officersAssignCommentOnAndEscalateACaseAndEveryStepIsAuditedWithoutTheirWords() {
    String email = "case-work." + System.nanoTime() + "@example.org";
    Held held =
        heldBySanctionsHit("case-work-test", "Quillon Marchbank", "Quilon Marchbanks", email);
    ApiClient compliance =
        new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);

    PageClient first = new PageClient("en");
    first.login(uri(""), KassaDeployment.DEMO_OFFICER_USER, KassaDeployment.DEMO_PASSWORD);
    PageClient.Page queue = first.get(uri("compliance/cases"));
    assertThat(queue.document().select(".subnav a").eachText())
        .containsExactly(
            "Audit trail",
            "Review cases",
            "Whitelist",
            "Sanctions lists",
            "Data subject requests",
            "KYC reviews");
    PageClient.Page opened = openCase(first, queue, held.caseId());

    // The hit as the gate stored it, and the entry as listed.
    assertThat(opened.document().select(".hit-entry").text())
        .startsWith("internal-case-work-test ");
    assertThat(opened.document().select(".hit-rule").text()).isEqualTo("sanctions_hit");
    assertThat(opened.document().select(".hit-name").text()).contains("Quillon Marchbank");
    assertThat(opened.document().select(".hit-version").text()).contains("sha256 ");
    assertThat(opened.document().select("#case\\:no-comments").text())
        .isEqualTo("No comments yet.");

    PageClient.Page assigned =
        submitCase(
            first,
            opened,
            java.util.Map.of("case:assignee", "officer2@kassa.test", "case:assign", "x"));
    assertThat(assigned.document().select("#cases\\:messages").text())
        .contains("assigned to officer2@kassa.test");
    assertThat(assigned.document().select("#detail-assignee").text())
        .isEqualTo("officer2@kassa.test");
    assertThat(rowOf(assigned, held.caseId()).select(".case-assignee").text())
        .isEqualTo("officer2@kassa.test");

    String note = "Spoke to Mr Marchbanks, passport " + System.nanoTime();
    PageClient.Page commented =
        submitCase(
            first,
            assigned,
            java.util.Map.of(
                "case:assignee", "officer2@kassa.test",
                "case:comment-text", note,
                "case:add-comment", "x"));
    assertThat(commented.document().select(".comment-text").eachText()).containsExactly(note);
    assertThat(commented.document().select(".comment .hint").text())
        .contains(KassaDeployment.DEMO_OFFICER_USER);

    PageClient.Page emptyComment =
        submitCase(
            first,
            commented,
            java.util.Map.of(
                "case:assignee", "officer2@kassa.test",
                "case:comment-text", "  ",
                "case:add-comment", "x"));
    assertThat(emptyComment.document().select("#cases\\:messages").text())
        .contains("Write a comment or a reason first");
    assertThat(emptyComment.document().select(".comment-text")).hasSize(1);

    String why = "Press reports, MLRO to decide " + System.nanoTime();
    PageClient.Page escalated =
        submitCase(
            first,
            emptyComment,
            java.util.Map.of(
                "case:assignee", "officer2@kassa.test",
                "case:escalation-reason", why,
                "case:escalate", "x"));
    assertThat(escalated.document().select("#cases\\:messages").text()).contains("escalated");
    assertThat(escalated.document().select("#case\\:detail-escalated").text())
        .isEqualTo("Escalated");
    assertThat(escalated.document().select("#case\\:escalation").text()).contains(why);
    assertThat(escalated.document().select("#case\\:escalate")).as("escalated once").isEmpty();

    // Escalated cases come first, with a badge.
    PageClient.Page reloaded = first.get(uri("compliance/cases"));
    assertThat(reloaded.document().select(".case-id").first().text()).isEqualTo(held.caseId());
    assertThat(rowOf(reloaded, held.caseId()).select(".badge.escalated").text())
        .isEqualTo("Escalated");
    PageClient.Page mine =
        first.submit(
            action(reloaded, "cases"),
            reloaded,
            "cases",
            java.util.Map.of("cases:status", "OPEN", "cases:mine", "on", "cases:filter", "x"));
    assertThat(mine.document().select(".case-id").eachText()).doesNotContain(held.caseId());

    PageClient second = new PageClient("en");
    second.login(uri(""), "officer2@kassa.test", KassaDeployment.DEMO_PASSWORD);
    PageClient.Page secondQueue = second.get(uri("compliance/cases"));
    PageClient.Page theirs =
        second.submit(
            action(secondQueue, "cases"),
            secondQueue,
            "cases",
            java.util.Map.of(
                "cases:status", "OPEN",
                "cases:mine", "on",
                "cases:escalated-only", "on",
                "cases:filter", "x"));
    assertThat(theirs.document().select(".case-id").eachText()).containsExactly(held.caseId());

    // The API shows the same case work.
    JsonObject viaApi = compliance.get("api/v1/compliance/cases/" + held.caseId()).json();
    assertThat(viaApi.getString("assigned_to")).isEqualTo("officer2@kassa.test");
    assertThat(viaApi.getBoolean("escalated")).isTrue();
    assertThat(viaApi.getJsonArray("comments").getJsonObject(0).getString("text")).isEqualTo(note);
    assertThat(viaApi.getJsonArray("screening_hits").getJsonObject(0).getString("list_id"))
        .isEqualTo("internal-case-work-test");
    assertThat(
            viaApi
                .getJsonArray("screening_hits")
                .getJsonObject(0)
                .getJsonObject("entry")
                .getString("name"))
        .isEqualTo("Quillon Marchbank");

    // Audited by pseudonymous ids: that a comment was added, never what it says.
    String trail = compliance.get("api/v1/audit/export?from=1&to=" + Long.MAX_VALUE).body();
    java.util.List<String> caseEvents =
        trail.lines().filter(l -> l.contains(held.caseId())).toList();
    assertThat(String.join("\n", caseEvents))
        .contains("case.assigned", "case.commented", "case.escalated", "officer:sub_")
        .doesNotContain("officer2@kassa.test")
        .doesNotContain(KassaDeployment.DEMO_OFFICER_USER);
    assertThat(trail).doesNotContain(note).doesNotContain(why).doesNotContain(email);
  }

  @Test
  void aDecidedCaseTakesNoMoreComments() {
    Held held =
        heldBySanctionsHit(
            "decided-case-test",
            "Oswin Threlkeld",
            "Oswyn Threlkelt",
            "decided." + System.nanoTime() + "@example.org");
    ApiClient compliance =
        new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
    PageClient officer = new PageClient("en");
    officer.login(uri(""), KassaDeployment.DEMO_OFFICER_USER, KassaDeployment.DEMO_PASSWORD);
    PageClient.Page opened = openCase(officer, officer.get(uri("compliance/cases")), held.caseId());

    // Another officer's tool confirms the case meanwhile.
    assertThat(
            compliance
                .post("api/v1/compliance/cases/" + held.caseId() + "/confirm", "{}", null)
                .status())
        .isEqualTo(200);

    PageClient.Page refused =
        submitCase(
            officer,
            opened,
            java.util.Map.of(
                "case:assignee", KassaDeployment.DEMO_OFFICER_USER,
                "case:comment-text", "too late",
                "case:add-comment", "x"));
    assertThat(refused.document().select("#cases\\:messages").text())
        .contains("is confirmed already");
    assertThat(refused.document().select(".comment-text")).isEmpty();
    assertThat(refused.document().select("#detail-status").text()).isEqualTo("confirmed");
    assertThat(refused.document().select("#case\\:add-comment")).isEmpty();

    ApiClient.Answer viaApi =
        compliance.post(
            "api/v1/compliance/cases/" + held.caseId() + "/comments",
            "{\"text\":\"too late\"}",
            null);
    assertThat(viaApi.status()).isEqualTo(409);
    assertThat(viaApi.contentType()).startsWith("application/problem+json");
    assertThat(
            compliance
                .post(
                    "api/v1/compliance/cases/" + held.caseId() + "/assign",
                    "{\"officer\":\"officer@kassa.test\"}",
                    null)
                .status())
        .isEqualTo(409);
    assertThat(
            compliance
                .get("api/v1/compliance/cases/" + held.caseId())
                .json()
                .getJsonArray("comments"))
        .isEmpty();

    PageClient.Page decided =
        officer.submit(
            action(refused, "cases"),
            refused,
            "cases",
            java.util.Map.of("cases:status", "DECIDED", "cases:filter", "x"));
    org.jsoup.nodes.Element row = rowOf(decided, held.caseId());
    assertThat(row.select(".case-status").text()).isEqualTo("confirmed");
    assertThat(row.select("input.clear, input.confirm")).isEmpty();
  }

  @Test
  void anOfficerWhitelistsACasesHitAndRevokesIt() {
    Held held =
        heldBySanctionsHit(
            "whitelist-page-test",
            "Perpetua Vandersloot",
            "Perpetya Vanderslat",
            "wl-page." + System.nanoTime() + "@example.org");
    PageClient officer = new PageClient("en");
    officer.login(uri(""), KassaDeployment.DEMO_OFFICER_USER, KassaDeployment.DEMO_PASSWORD);
    PageClient.Page opened = openCase(officer, officer.get(uri("compliance/cases")), held.caseId());
    String subject = rowOf(opened, held.caseId()).select(".case-subject").text();
    String link = opened.document().select("a.whitelist-hit").attr("href");
    assertThat(link).contains("subject=" + subject).contains("list=internal-whitelist-page-test");

    PageClient.Page form = officer.get(uri("").resolve(link));
    assertThat(form.document().select(".subnav a.current").text()).isEqualTo("Whitelist");
    assertThat(form.document().select("#whitelist\\:subject").val()).isEqualTo(subject);
    String entry = form.document().select("#whitelist\\:entry").val();
    assertThat(entry).isNotEmpty();
    String expires = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
    PageClient.Page created =
        officer.submit(
            action(form, "whitelist"),
            form,
            "whitelist",
            whitelistForm(subject, entry, "Different date of birth on the passport seen", expires));
    String whitelistingId = idInMessages(created, "whitelist", "wl_");
    org.jsoup.nodes.Element row =
        created
            .document()
            .select("tr:has(.whitelisting-id:containsOwn(" + whitelistingId + "))")
            .first();
    assertThat(row).isNotNull();
    assertThat(row.select(".whitelisting-subject").text()).isEqualTo(subject);
    assertThat(row.select(".whitelisting-status").text()).isEqualTo("active");
    assertThat(row.select(".whitelisting-standing").text()).isEqualTo("valid");
    assertThat(row.text()).contains(KassaDeployment.DEMO_OFFICER_USER).contains(expires);

    PageClient.Page refused =
        officer.submit(
            action(created, "whitelist"),
            created,
            "whitelist",
            whitelistForm(subject, entry, "", expires));
    assertThat(refused.document().select("#whitelist\\:messages").text())
        .contains("reason is required");

    org.jsoup.nodes.Element active =
        refused
            .document()
            .select("tr:has(.whitelisting-id:containsOwn(" + whitelistingId + "))")
            .first();
    PageClient.Page revoked =
        officer.submit(
            action(refused, "whitelistings"),
            refused,
            "whitelistings",
            java.util.Map.of(
                "whitelistings:status", "ACTIVE", active.select("input.revoke").attr("name"), "x"));
    assertThat(revoked.document().select("#whitelist\\:messages").text())
        .contains(whitelistingId + " revoked");
    assertThat(revoked.document().select(".whitelisting-id").eachText())
        .as("the active ones only")
        .doesNotContain(whitelistingId);
    PageClient.Page all =
        officer.submit(
            action(revoked, "whitelistings"),
            revoked,
            "whitelistings",
            java.util.Map.of("whitelistings:status", "", "whitelistings:filter", "x"));
    org.jsoup.nodes.Element ended =
        all.document()
            .select("tr:has(.whitelisting-id:containsOwn(" + whitelistingId + "))")
            .first();
    assertThat(ended.select(".whitelisting-status").text()).isEqualTo("revoked");
    assertThat(ended.select("input.revoke")).isEmpty();
  }

  @Test
  void theListPageShowsTheBundledListsAndARejectedLoadWithItsError() {
    ApiClient compliance =
        new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
    assertThat(
            compliance
                .put("api/v1/screening/lists/broken-list-test", "name,type\nX,planet\n", "text/csv")
                .status())
        .isEqualTo(400);
    PageClient officer = new PageClient("en");
    officer.login(uri(""), KassaDeployment.DEMO_OFFICER_USER, KassaDeployment.DEMO_PASSWORD);

    PageClient.Page lists = officer.get(uri("compliance/lists"));

    assertThat(lists.status()).isEqualTo(200);
    assertThat(lists.document().select(".list-id").eachText()).contains("un", "ofac-sdn");
    for (String listId : java.util.List.of("un", "ofac-sdn")) {
      org.jsoup.nodes.Element row =
          lists.document().select("#active tr:has(.list-id:matchesOwn(^" + listId + "$))").first();
      assertThat(Integer.parseInt(row.select(".list-entries").text())).isPositive();
      assertThat(row.select(".list-sha256").text()).matches("[0-9a-f]{64}");
    }
    assertThat(lists.document().select("#index-status").text())
        .contains("built its screening index");
    org.jsoup.nodes.Element rejected =
        lists
            .document()
            .select("#loads tr:has(.load-list:containsOwn(internal-broken-list-test))")
            .first();
    assertThat(rejected).isNotNull();
    assertThat(rejected.select(".load-status").text()).isEqualTo("rejected");
    assertThat(rejected.select(".load-error").text()).isNotBlank();
  }

  @Test
  void theFilteredTrailDownloadsAsQuotedCsvAndTheDownloadIsAudited() {
    String email = "csv." + System.nanoTime() + "@example.org";
    Held one = heldBySanctionsHit("csv-test", "Ignatius Wolstenholme", "Ignatio Wolstenhom", email);
    Held two = heldBySanctionsHit("csv-test", "Ignatius Wolstenholme", "Ignatio Wolstenhom", email);
    assertThat(two.caseId()).as("one customer, one case").isEqualTo(one.caseId());
    ApiClient compliance =
        new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
    assertThat(
            compliance
                .post("api/v1/compliance/cases/" + one.caseId() + "/confirm", "{}", null)
                .status())
        .isEqualTo(200);

    PageClient officer = new PageClient("en");
    PageClient.Page audit =
        officer.login(uri(""), KassaDeployment.DEMO_OFFICER_USER, KassaDeployment.DEMO_PASSWORD);
    PageClient.Page csv =
        officer.submit(
            action(audit, "audit"),
            audit,
            "audit",
            java.util.Map.of("audit:action", "case.confirmed", "audit:export-csv", "x"));

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Disposition")).contains("kassa-audit.csv");
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.body())
        .startsWith(
            "seq,occurred_at,actor,action,object_type,object_id,outcome,subject_ref,detail,hash\r\n");
    java.util.List<org.kassa.compliance.text.Csv.Row> rows =
        org.kassa.compliance.text.Csv.rows(csv.body());
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(r -> assertThat(r.cells()).hasSize(10).element(3).isEqualTo("case.confirmed"));
    org.kassa.compliance.text.Csv.Row confirmed =
        rows.stream().filter(r -> r.cells().get(5).equals(one.caseId())).findFirst().orElseThrow();
    String payments =
        String.join(
            ",", new java.util.TreeSet<>(java.util.List.of(one.paymentId(), two.paymentId())));
    assertThat(confirmed.cells().get(8)).isEqualTo("payments=2 " + payments);
    assertThat(csv.body()).contains(",\"payments=2 " + payments + "\",");
    assertThat(csv.body()).doesNotContain(email);

    PageClient.Page again = officer.get(uri("compliance/audit"));
    PageClient.Page exports =
        officer.submit(
            action(again, "audit"),
            again,
            "audit",
            java.util.Map.of("audit:action", "audit.exported", "audit:filter", "x"));
    assertThat(exports.document().select("#audit\\:events").text())
        .contains("format=csv")
        .contains("action=case.confirmed")
        .contains("officer:sub_")
        .doesNotContain(KassaDeployment.DEMO_OFFICER_USER);
  }
}
