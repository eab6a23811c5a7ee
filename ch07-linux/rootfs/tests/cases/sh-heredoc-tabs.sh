	cat <<-END
	leading tabs
		are removed
	END
