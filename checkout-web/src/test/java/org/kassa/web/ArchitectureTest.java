package org.kassa.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: checkout-web → payment-ejb → compliance-module. */
class ArchitectureTest {

  private static JavaClasses kassa;

  @BeforeAll
  static void importClasses() {
    kassa =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kassa");
  }

  @Test
  void theComplianceModuleKnowsNothingOfPaymentsOrTheWeb() {
    noClasses()
        .that()
        .resideInAPackage("org.kassa.compliance..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.kassa.payment..", "org.kassa.web..")
        .check(kassa);
  }

  @Test
  void thePaymentModuleKnowsNothingOfTheWeb() {
    noClasses()
        .that()
        .resideInAPackage("org.kassa.payment..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.kassa.web..")
        .check(kassa);
  }

  @Test
  void allThreeModulesAreOnTheClasspathBeingChecked() {
    // A rule over an empty import would pass vacuously; make sure every module was seen.
    for (String pkg : new String[] {"org.kassa.compliance", "org.kassa.payment", "org.kassa.web"}) {
      if (kassa.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
        throw new AssertionError("no classes imported from " + pkg);
      }
    }
  }
}
