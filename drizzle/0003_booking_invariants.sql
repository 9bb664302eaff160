-- No double booking, guaranteed by PostgreSQL.
-- Exclusive resources: no two slot-holding bookings of one resource may overlap (end = start is fine:
-- ranges are half-open). `held` includes the resource's buffer after the booking.
ALTER TABLE "booking" ADD CONSTRAINT "booking_no_overlap"
	EXCLUDE USING gist ("resource_id" WITH =, "held" WITH &&)
	WHERE ("exclusive" AND "status" IN ('pending', 'confirmed', 'checked_in'));
--> statement-breakpoint
CREATE INDEX "booking_held_idx" ON "booking" USING gist ("resource_id", "held")
	WHERE "status" IN ('pending', 'confirmed', 'checked_in');
--> statement-breakpoint
-- Shared resources (a hall used by several groups): the seats of overlapping slot-holding bookings
-- never exceed the capacity. The resource row is locked first, so concurrent writers (in any
-- process) are serialised per resource; a violation is reported like the exclusion constraint.
CREATE FUNCTION booking_capacity_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	cap integer;
	used integer;
BEGIN
	IF NEW.exclusive OR NEW.status NOT IN ('pending', 'confirmed', 'checked_in') THEN
		RETURN NEW;
	END IF;
	SELECT capacity INTO cap FROM resource WHERE id = NEW.resource_id FOR UPDATE;
	SELECT coalesce(max(s), 0) INTO used FROM (
		-- The peak of seats at any instant within NEW.held: checked at each overlapping start.
		SELECT (SELECT coalesce(sum(b2.seats), 0) FROM booking b2
			WHERE b2.resource_id = NEW.resource_id AND b2.id <> NEW.id
			AND b2.status IN ('pending', 'confirmed', 'checked_in')
			AND b2.held @> p.t) AS s
		FROM (
			SELECT lower(NEW.held) AS t
			UNION SELECT lower(b.held) FROM booking b
			WHERE b.resource_id = NEW.resource_id AND b.id <> NEW.id
			AND b.status IN ('pending', 'confirmed', 'checked_in') AND b.held && NEW.held
			AND lower(b.held) > lower(NEW.held)
		) p
	) peaks;
	IF used + NEW.seats > cap THEN
		RAISE EXCEPTION 'capacity of resource % exceeded (% of % seats taken)', NEW.resource_id, used, cap
			USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'booking_capacity';
	END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER booking_capacity BEFORE INSERT OR UPDATE OF status, held, seats ON booking
	FOR EACH ROW EXECUTE FUNCTION booking_capacity_check();
