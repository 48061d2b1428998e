-- An activity may be logged without a subject: the reader sees one made from its kind, counterpart and notes.
ALTER TABLE "activities" ALTER COLUMN "subject" DROP NOT NULL;
