package org.kassa.web.checkout;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import org.kassa.payment.banktransfer.Ibans;

/**
 * Checks an IBAN a shopper typed (commons-validator, through {@link Ibans}); an empty field is left
 * to the page (the IBAN is optional). The message is the page's language, tied to the field.
 */
@FacesValidator("kassa.iban")
public class IbanValidator implements Validator<Object> {

  @Override
  public void validate(FacesContext context, UIComponent component, Object value) {
    String text = value == null ? "" : value.toString();
    if (text.isBlank() || Ibans.isValidIban(text)) {
      return;
    }
    String message =
        context.getApplication().getResourceBundle(context, "msg").getString("sepa.iban.invalid");
    throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
  }
}
