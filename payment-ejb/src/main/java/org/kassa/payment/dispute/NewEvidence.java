package org.kassa.payment.dispute;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The merchant's evidence for a dispute.
 *
 * @param text what happened, in the merchant's words
 * @param files up to 5 files
 */
public record NewEvidence(
    @NotBlank @Size(max = 20000) String text, @NotNull @Size(max = 5) List<@Valid File> files) {

  public NewEvidence {
    files = files == null ? null : List.copyOf(files);
  }

  /** One file of evidence. */
  public record File(
      @NotBlank @Size(max = 200) @Pattern(regexp = "[^/\\\\]+", message = "must be a file name")
          String name,
      @NotBlank
          @Pattern(
              regexp = "application/pdf|image/png|image/jpeg|text/plain",
              message = "must be application/pdf, image/png, image/jpeg or text/plain")
          String contentType,
      @NotNull @Size(min = 1, max = EvidenceFile.MAX_BYTES, message = "must be 1 byte to 4 MiB")
          byte[] content) {}
}
