-- The consent wording in the hosted page's other ten languages (V6 seeded en, de and zh-CN), so a
-- shopper consents to text they can read (GDPR Art. 7(2)). Version 1 of each purpose, translated.
-- A locale that already has wording for a purpose (an operator published their own) keeps it.
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'terms', 1, 'fr', 'En payant, vous acceptez les conditions de vente du commerçant. Vos données de paiement sont traitées pour effectuer ce paiement et conservées comme la loi l''exige.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'terms' AND locale = 'fr');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'terms', 1, 'es', 'Al pagar, acepta las condiciones de venta del comercio. Sus datos de pago se tratan para realizar este pago y se conservan según exige la ley.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'terms' AND locale = 'es');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'terms', 1, 'it', 'Pagando accetti le condizioni di vendita del commerciante. I tuoi dati di pagamento sono trattati per eseguire questo pagamento e conservati come richiesto dalla legge.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'terms' AND locale = 'it');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'terms', 1, 'pt-BR', 'Ao pagar, você aceita os termos de venda do lojista. Seus dados de pagamento são tratados para realizar este pagamento e guardados conforme exige a lei.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'terms' AND locale = 'pt-BR');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'terms', 1, 'nl', 'Door te betalen accepteert u de verkoopvoorwaarden van de verkoper. Uw betaalgegevens worden verwerkt om deze betaling uit te voeren en bewaard zoals de wet vereist.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'terms' AND locale = 'nl');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'terms', 1, 'pl', 'Płacąc, akceptujesz warunki sprzedaży sprzedawcy. Twoje dane płatnicze są przetwarzane w celu realizacji tej płatności i przechowywane zgodnie z wymogami prawa.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'terms' AND locale = 'pl');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'terms', 1, 'zh-TW', '付款即表示您接受商家的銷售條款。您的付款資料將用於完成本次付款，並依法律規定保存。', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'terms' AND locale = 'zh-TW');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'terms', 1, 'ja', 'お支払いにより、加盟店の販売条件に同意したものとみなされます。お支払い情報はこのお支払いを行うために処理され、法律の定めに従って保管されます。', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'terms' AND locale = 'ja');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'terms', 1, 'ko', '결제하면 판매자의 판매 약관에 동의하는 것입니다. 결제 정보는 이 결제를 처리하는 데 사용되며 법에서 요구하는 대로 보관됩니다.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'terms' AND locale = 'ko');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'terms', 1, 'ar', 'بالدفع، فإنك توافق على شروط البيع الخاصة بالتاجر. تُعالَج بيانات الدفع الخاصة بك لإتمام هذه الدفعة وتُحفظ وفق ما يقتضيه القانون.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'terms' AND locale = 'ar');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'marketing', 1, 'fr', 'Envoyez-moi par e-mail les actualités et offres de ce commerçant. Je peux retirer ce consentement à tout moment.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'marketing' AND locale = 'fr');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'marketing', 1, 'es', 'Envíenme por correo electrónico novedades y ofertas de este comercio. Puedo retirar este consentimiento en cualquier momento.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'marketing' AND locale = 'es');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'marketing', 1, 'it', 'Inviatemi via e-mail novità e offerte di questo commerciante. Posso revocare questo consenso in qualsiasi momento.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'marketing' AND locale = 'it');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'marketing', 1, 'pt-BR', 'Envie-me por e-mail novidades e ofertas deste lojista. Posso retirar este consentimento a qualquer momento.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'marketing' AND locale = 'pt-BR');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'marketing', 1, 'nl', 'Stuur mij per e-mail nieuws en aanbiedingen van deze verkoper. Ik kan dit op elk moment intrekken.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'marketing' AND locale = 'nl');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'marketing', 1, 'pl', 'Wysyłaj mi e-mailem nowości i oferty tego sprzedawcy. Mogę w każdej chwili wycofać tę zgodę.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'marketing' AND locale = 'pl');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'marketing', 1, 'zh-TW', '透過電子郵件寄送此商家的最新消息與優惠給我。我可以隨時撤回此同意。', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'marketing' AND locale = 'zh-TW');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'marketing', 1, 'ja', 'この加盟店からのお知らせやお得な情報をメールで受け取ります。この同意はいつでも撤回できます。', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'marketing' AND locale = 'ja');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'marketing', 1, 'ko', '이 판매자의 소식과 혜택을 이메일로 받겠습니다. 이 동의는 언제든지 철회할 수 있습니다.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'marketing' AND locale = 'ko');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'marketing', 1, 'ar', 'أرسلوا إليّ أخبار هذا التاجر وعروضه عبر البريد الإلكتروني. يمكنني سحب هذه الموافقة في أي وقت.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'marketing' AND locale = 'ar');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'save_payment_method', 1, 'fr', 'Enregistrer ma carte pour payer plus vite chez ce commerçant. Je peux la supprimer à tout moment.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'save_payment_method' AND locale = 'fr');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'save_payment_method', 1, 'es', 'Guardar mi tarjeta para pagar más rápido en este comercio. Puedo eliminarla en cualquier momento.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'save_payment_method' AND locale = 'es');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'save_payment_method', 1, 'it', 'Salva la mia carta per pagare più velocemente presso questo commerciante. Posso rimuoverla in qualsiasi momento.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'save_payment_method' AND locale = 'it');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'save_payment_method', 1, 'pt-BR', 'Salvar meu cartão para pagar mais rápido com este lojista. Posso removê-lo a qualquer momento.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'save_payment_method' AND locale = 'pt-BR');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'save_payment_method', 1, 'nl', 'Mijn kaart bewaren om sneller te betalen bij deze verkoper. Ik kan hem op elk moment verwijderen.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'save_payment_method' AND locale = 'nl');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'save_payment_method', 1, 'pl', 'Zapisz moją kartę, aby szybciej płacić u tego sprzedawcy. Mogę ją usunąć w dowolnym momencie.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'save_payment_method' AND locale = 'pl');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'save_payment_method', 1, 'zh-TW', '儲存我的卡片，以便在此商家更快付款。我可以隨時刪除。', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'save_payment_method' AND locale = 'zh-TW');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'save_payment_method', 1, 'ja', 'この加盟店でより早く支払えるよう、カードを保存します。いつでも削除できます。', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'save_payment_method' AND locale = 'ja');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'save_payment_method', 1, 'ko', '이 판매자에서 더 빠르게 결제할 수 있도록 카드를 저장합니다. 언제든지 삭제할 수 있습니다.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'save_payment_method' AND locale = 'ko');
INSERT INTO consent_text (purpose, version, locale, text, published_at)
  SELECT 'save_payment_method', 1, 'ar', 'احفظ بطاقتي للدفع بشكل أسرع لدى هذا التاجر. يمكنني حذفها في أي وقت.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'
  WHERE NOT EXISTS (SELECT 1 FROM consent_text WHERE purpose = 'save_payment_method' AND locale = 'ar');
