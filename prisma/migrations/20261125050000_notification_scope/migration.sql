-- In-app notices go only to organisations of the sender's partnerships (the other side of a
-- referral or a joint visit), never to an unrelated organisation.
DROP POLICY notifications_sent ON notifications;
CREATE POLICY notifications_sent ON notifications FOR INSERT TO maillage_app
  WITH CHECK (app.user_id() IS NOT NULL AND organisation_id IN (SELECT app.partner_organisation_ids()));
