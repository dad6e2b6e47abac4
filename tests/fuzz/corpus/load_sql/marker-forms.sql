  -- - UP   MIGRATION trailing words
SELECT 1;
	--	-down	migration
SELECT 2;